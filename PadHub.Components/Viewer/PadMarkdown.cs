using Ganss.Xss;
using Markdig;

namespace PadHub.Components.Viewer;

/// <summary>Renders pad text as HTML that is safe to show: Markdig with raw HTML disabled, then HtmlSanitizer.</summary>
public static class PadMarkdown
{
    /// <summary>The pipeline every pad is parsed with (raw HTML disabled).</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    // Defaults allow only http(s) and relative URLs, drop scripts, event handlers and styles that load anything.
    // An instance is safe to share once configured.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The sanitised HTML of <paramref name="markdown"/>.</summary>
    public static string ToSafeHtml(string markdown) =>
        Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? string.Empty, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer;
    }
}
