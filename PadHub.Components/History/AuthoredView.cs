using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace PadHub.Components.History;

/// <summary>
/// The base of the history's text views (<see cref="AuthoredText"/>, <see cref="AuthoredDiffView"/>): the authors'
/// names and colours, and rendering only when the shown value or the known authors change, not with every render of
/// the panel around them (a pad's text can be long, and the panel re-renders with every revision the pad commits).
/// </summary>
public abstract class AuthoredView : ComponentBase
{
    private object? _rendered;
    private int _renderedAuthors = -1;

    /// <summary>Bumped when <see cref="AuthorName"/> or <see cref="AuthorColor"/> would answer differently.</summary>
    [Parameter]
    public int AuthorsVersion { get; set; }

    /// <summary>An author's display name.</summary>
    [Parameter, EditorRequired]
    public required Func<string, string> AuthorName { get; set; }

    /// <summary>An author's colour (already safe, <c>#rrggbb</c>).</summary>
    [Parameter, EditorRequired]
    public required Func<string, string> AuthorColor { get; set; }

    /// <summary>The immutable value shown (a new reference means new content).</summary>
    protected abstract object Shown { get; }

    protected override bool ShouldRender() => !ReferenceEquals(_rendered, Shown) || _renderedAuthors != AuthorsVersion;

    protected sealed override void BuildRenderTree(RenderTreeBuilder builder)
    {
        _rendered = Shown;
        _renderedAuthors = AuthorsVersion;
        Build(builder);
    }

    /// <summary>Renders <see cref="Shown"/>; pad text only ever as text content.</summary>
    protected abstract void Build(RenderTreeBuilder builder);
}
