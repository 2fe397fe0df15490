using System.Net;
using Markdig;
using Markdig.Syntax;

namespace PadHub.Components.Markdown;

/// <summary>
/// Renders pad text as HTML that is safe to show among the page's own markup: Markdig with raw HTML and author-set
/// attributes disabled, then <see cref="PadHtmlPolicy"/> (an allow-list of tags and attributes; no author-controlled
/// id, class, style or target; heading ids prefixed <see cref="PadHtmlPolicy.IdPrefix"/>; links <c>rel</c>-hardened).
/// </summary>
public static class PadMarkdown
{
    /// <summary>
    /// The pipeline every pad is parsed with. Deliberately not <c>UseAdvancedExtensions()</c>: that adds generic
    /// attributes (<c>{#id .class}</c>), custom containers (<c>::: class</c>), media links (iframes), diagrams and
    /// alerts, all of which put author-chosen markup or classes into the page.
    /// </summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers()
        .UseCitations()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly PadHtmlPolicy ImagesAsLinks = new(allowImages: false);
    private static readonly PadHtmlPolicy ImagesInline = new(allowImages: true);

    /// <summary>The safe HTML of <paramref name="markdown"/>.</summary>
    /// <param name="markdown">The pad's text.</param>
    /// <param name="allowRemoteImages">Show images inline (<see cref="PadMarkdownOptions.AllowRemoteImages"/>); otherwise each image is a link.</param>
    public static string ToSafeHtml(string markdown, bool allowRemoteImages = false)
    {
        markdown ??= string.Empty;
        string html;
        try
        {
            html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return AsText(markdown);
        }

        return (allowRemoteImages ? ImagesInline : ImagesAsLinks).Sanitize(html);
    }

    /// <summary>
    /// <paramref name="markdown"/> as plain text: the same parse as every view (so <c>==marks==</c> lose their delimiters
    /// exactly where they render as marks), markup removed, code kept. Text Markdig refuses is returned as it is.
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        markdown ??= string.Empty;
        try
        {
            return Markdig.Markdown.ToPlainText(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return markdown;
        }
    }

    /// <summary>The parsed document, or null when Markdig refuses the text (see <see cref="AsText"/>).</summary>
    internal static MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // Markdig refuses input nested past its depth limit (thousands of '>' or '*') with an ArgumentException: such a
    // pad is shown as plain text rather than failing every page that shows it.
    private static string AsText(string markdown) => "<pre>" + WebUtility.HtmlEncode(markdown) + "</pre>";
}
