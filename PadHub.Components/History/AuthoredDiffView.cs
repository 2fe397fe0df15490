using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Pads;
using PadHub.Core.Diffs;

namespace PadHub.Components.History;

/// <summary>
/// A diff between two revisions: unchanged text as is, insertions (<c>ins</c>) and deletions (<c>del</c>) highlighted and
/// underlined in their author's colour, the author named in each one's title. Pad text is only ever text content.
/// </summary>
public sealed class AuthoredDiffView : AuthoredView
{
    /// <summary>The diff to show.</summary>
    [Parameter, EditorRequired]
    public required PadDiff Diff { get; set; }

    [Inject]
    private IStringLocalizer<AuthoredDiffView> L { get; set; } = default!;

    protected override object Shown => Diff;

    protected override void Build(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "padhub-history-text padhub-history-diff");
        builder.AddAttribute(2, "data-history-diff", "");
        foreach (var part in Diff.Parts)
        {
            if (part.Kind == DiffKind.Equal)
            {
                builder.AddContent(3, part.Text);
                continue;
            }

            var inserted = part.Kind == DiffKind.Insert;
            var name = AuthorName(part.AuthorId);
            var color = AuthorColors.Safe(AuthorColor(part.AuthorId));
            builder.OpenElement(4, inserted ? "ins" : "del");
            builder.AddAttribute(5, "class", inserted ? "padhub-diff-insert" : "padhub-diff-delete");
            builder.AddAttribute(6, "style", $"border-bottom-color: {color}");
            builder.AddAttribute(7, "title", inserted ? L["Inserted", name].Value : L["Deleted", name].Value);
            builder.AddAttribute(8, "data-author-id", part.AuthorId);
            builder.AddContent(9, part.Text);
            builder.CloseElement();
        }

        builder.CloseElement();
    }
}
