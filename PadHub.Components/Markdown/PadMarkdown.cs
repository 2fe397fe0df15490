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
    /// The pipeline every block is rendered with. Deliberately not <c>UseAdvancedExtensions()</c>: that adds generic
    /// attributes (<c>{#id .class}</c>), custom containers (<c>::: class</c>), media links (iframes), diagrams and
    /// alerts, all of which put author-chosen markup or classes into the page.
    /// </summary>
    internal static readonly MarkdownPipeline Pipeline = Build(autoIdentifiers: true);

    /// <summary>
    /// <see cref="Pipeline"/> without auto identifiers, for every parse of a whole pad (the block split, conclusions, plain
    /// text). Markdig makes each repeated heading's id unique by trying <c>-1</c>, <c>-2</c>, ... in turn, so n identical
    /// headings cost n² (1 MB of <c>## Point</c> took 43 s): a note-taker could burn a server core per keystroke. Ids are
    /// only rendered, and rendering goes block by block (<see cref="MarkdownBlocks"/>), with ids only in blocks of at most
    /// <see cref="MaxLinesWithIdentifiers"/> lines.
    /// </summary>
    internal static readonly MarkdownPipeline ParsePipeline = Build(autoIdentifiers: false);

    /// <summary>
    /// Most lines a text rendered with heading ids may have. A block has at most one heading per line, so the ids' cost
    /// stays under this squared; a longer block (a quote or list of thousands of headings is one top-level block) is
    /// rendered without heading ids.
    /// </summary>
    internal const int MaxLinesWithIdentifiers = 256;

    private static readonly PadHtmlPolicy ImagesAsLinks = new(allowImages: false);
    private static readonly PadHtmlPolicy ImagesInline = new(allowImages: true);

    /// <summary>The safe HTML of <paramref name="markdown"/>.</summary>
    /// <param name="markdown">The pad's text.</param>
    /// <param name="allowRemoteImages">Show images inline (<see cref="PadMarkdownOptions.AllowRemoteImages"/>); otherwise each image is a link.</param>
    public static string ToSafeHtml(string markdown, bool allowRemoteImages = false) => ToSafeHtml([markdown], allowRemoteImages)[0];

    /// <summary>
    /// The safe HTML of each of <paramref name="blocks"/>, exactly as <see cref="ToSafeHtml(string, bool)"/> gives it one
    /// by one, sanitised together (<see cref="PadHtmlPolicy.SanitizeMany"/>): a large pad's tens of thousands of blocks
    /// would otherwise pay the sanitizer's cost per call each.
    /// </summary>
    internal static string[] ToSafeHtml(IReadOnlyList<string> blocks, bool allowRemoteImages)
    {
        var html = new string[blocks.Count];
        var rendered = new List<string>(blocks.Count);
        var renderedAt = new List<int>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var markdown = blocks[i] ?? string.Empty;
            try
            {
                rendered.Add(Markdig.Markdown.ToHtml(markdown, LineCount(markdown) <= MaxLinesWithIdentifiers ? Pipeline : ParsePipeline));
                renderedAt.Add(i);
            }
            catch (ArgumentException)
            {
                html[i] = AsText(markdown);
            }
        }

        var safe = (allowRemoteImages ? ImagesInline : ImagesAsLinks).SanitizeMany(rendered);
        for (var i = 0; i < safe.Count; i++)
        {
            html[renderedAt[i]] = safe[i];
        }

        return html;
    }

    /// <summary>
    /// <paramref name="markdown"/> as plain text: the same parse as every view (so <c>==marks==</c> lose their delimiters
    /// exactly where they render as marks), markup removed, code kept. Text Markdig refuses is returned as it is.
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        markdown ??= string.Empty;
        if (MarkdownBlocks.KnownRefused(markdown) == true)
        {
            return markdown; // the views' split already met Markdig's refusal: not another few seconds for it
        }

        try
        {
            return Markdig.Markdown.ToPlainText(markdown, ParsePipeline);
        }
        catch (ArgumentException)
        {
            return markdown;
        }
    }

    /// <summary>The parsed document (<see cref="ParsePipeline"/>), or null when Markdig refuses the text (see <see cref="AsText"/>).</summary>
    internal static MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Markdig.Markdown.Parse(markdown, ParsePipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // An upper bound: '\r\n' counts twice, which only makes a long block lose its ids sooner.
    private static int LineCount(string text) => text.AsSpan().Count('\n') + text.AsSpan().Count('\r') + 1;

    private static MarkdownPipeline Build(bool autoIdentifiers)
    {
        var builder = new MarkdownPipelineBuilder();
        if (autoIdentifiers)
        {
            builder.UseAutoIdentifiers();
        }

        return builder
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
    }

    // Markdig refuses input nested past its depth limit (thousands of '>' or '*') with an ArgumentException: such a
    // pad is shown as plain text rather than failing every page that shows it.
    internal static string AsText(string markdown) => "<pre>" + WebUtility.HtmlEncode(markdown) + "</pre>";
}
