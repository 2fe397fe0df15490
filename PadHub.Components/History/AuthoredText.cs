using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Pads;

namespace PadHub.Components.History;

/// <summary>
/// A revision's text with its authorship: one span per authorship run, tinted with the author's colour as the editor's
/// authorship view tints it, the author's name in its title. Pad text is hostile: it is only ever text content.
/// </summary>
/// <remarks>
/// Built in C# rather than Razor so no whitespace text node sits between the spans: the element's text is exactly the
/// revision's text, which is what lets the browser map a selection to UTF-16 offsets of it (<c>HistoryPanel.razor.js</c>).
/// </remarks>
public sealed class AuthoredText : AuthoredView
{
    /// <summary>The revision to show.</summary>
    [Parameter, EditorRequired]
    public required PadRevision Revision { get; set; }

    protected override object Shown => Revision;

    protected override void Build(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "padhub-history-text");
        builder.AddAttribute(2, "data-history-text", "");
        builder.AddAttribute(3, "data-revision", Revision.Revision);
        var text = Revision.Text;
        var at = 0;
        foreach (var run in Revision.Authorship)
        {
            var length = Math.Min(run.Length, text.Length - at);
            if (length <= 0)
            {
                break;
            }

            builder.OpenElement(4, "span");
            builder.AddAttribute(5, "class", "padhub-history-run");
            builder.AddAttribute(6, "style", $"background-color: {AuthorColors.Tint(AuthorColor(run.AuthorId))}");
            builder.AddAttribute(7, "title", AuthorName(run.AuthorId));
            builder.AddAttribute(8, "data-author-id", run.AuthorId);
            builder.AddContent(9, text.Substring(at, length));
            builder.CloseElement();
            at += length;
        }

        if (at < text.Length)
        {
            // Runs that fall short of the text (never from the server): the rest is shown, unattributed.
            builder.AddContent(10, text[at..]);
        }

        builder.CloseElement();
    }
}
