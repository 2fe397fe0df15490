using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace PadHub.Components.Markdown;

/// <summary>A pad's conclusion (<see cref="PadConclusion"/>) rendered on its own, safely, for a list of conclusions.</summary>
/// <param name="Order">1-based position among the pad's conclusions.</param>
/// <param name="Key">Unique in its list and stable while the passage and its position are unchanged (a render key).</param>
/// <param name="Html">The passage as sanitised HTML: a paragraph holding one <c>&lt;mark&gt;</c>.</param>
public sealed record RenderedConclusion(int Order, string Key, MarkupString Html)
{
    /// <summary>
    /// Renders <paramref name="conclusions"/> through <see cref="PadMarkdown"/>, reusing the HTML of passages already in
    /// <paramref name="previous"/> (a live list re-renders only the passages that changed).
    /// </summary>
    public static IReadOnlyList<RenderedConclusion> Render(IReadOnlyList<PadConclusion> conclusions, IReadOnlyList<RenderedConclusion>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(conclusions);
        var known = new Dictionary<string, MarkupString>(StringComparer.Ordinal);
        foreach (var old in previous ?? [])
        {
            known.TryAdd(old.Source, old.Html);
        }

        var rendered = new RenderedConclusion[conclusions.Count];
        for (var i = 0; i < conclusions.Count; i++)
        {
            var source = MarkedSource(conclusions[i].Markdown);
            if (!known.TryGetValue(source, out var html))
            {
                html = Rendered(source);
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"c{conclusions[i].Order}-{source.GetHashCode(StringComparison.Ordinal):x8}");
            rendered[i] = new RenderedConclusion(conclusions[i].Order, key, html) { Source = source };
        }

        return rendered;
    }

    /// <summary>One passage's Markdown (<see cref="PadConclusion.Markdown"/>, e.g. the one in the spotlight) as sanitised HTML, rendered like a listed one.</summary>
    public static MarkupString ToHtml(string passageMarkdown)
    {
        ArgumentNullException.ThrowIfNull(passageMarkdown);
        return Rendered(MarkedSource(passageMarkdown));
    }

    // Without Markdig's closing line break: an item's text is the passage alone.
    private static MarkupString Rendered(string source) => new(PadMarkdown.ToSafeHtml(source).TrimEnd('\n'));

    /// <summary>The Markdown rendered: the passage on one line, marked again.</summary>
    private string Source { get; init; } = "";

    // Marked again, the passage stays inline whatever it starts with ("# ", "- ", "1. " would otherwise become a heading
    // or a list on their own); on one line, continuation prefixes of a quote or list cannot start a block either.
    private static string MarkedSource(string markdown) => "==" + markdown.ReplaceLineEndings(" ") + "==";
}
