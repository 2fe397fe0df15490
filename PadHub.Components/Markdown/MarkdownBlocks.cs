using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Markdown;

/// <summary>
/// Splits pad text into top-level Markdown blocks (paragraphs, headings, lists, code blocks, tables...) rendered one by
/// one, so a live view re-renders and resends only the blocks that changed.
/// </summary>
/// <remarks>
/// Every live view of a pad receives the same <see cref="PadWatchSnapshot.Text"/> instance, so the split of one text is
/// computed once and shared (a weak table keyed by the string instance). Rendered HTML is cached per block text in a
/// process-wide cache bounded by total size: a block edited once is rendered once for all of its viewers. Images inline
/// or as links (<see cref="PadMarkdownOptions.AllowRemoteImages"/>) are two separate sets of tables.
/// </remarks>
public static class MarkdownBlocks
{
    /// <summary>Total characters of block text kept in the HTML cache before it starts over.</summary>
    internal const int CacheBudgetChars = 4_000_000;

    private static readonly ConditionalWeakTable<string, IReadOnlyList<MarkdownBlock>>[] Splits = [new(), new()];
    private static readonly ConditionalWeakTable<string, IReadOnlyList<BlockSource>> SourceTable = new();
    private static readonly ConcurrentDictionary<string, MarkupString>[] HtmlCaches =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    private static long _cachedChars;

    /// <summary>The blocks of <paramref name="text"/>, in order; keys are unique within the result.</summary>
    /// <param name="text">The pad's text.</param>
    /// <param name="allowRemoteImages">Images inline rather than as links (<see cref="PadMarkdownOptions.AllowRemoteImages"/>).</param>
    public static IReadOnlyList<MarkdownBlock> Split(string text, bool allowRemoteImages = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return allowRemoteImages
            ? Splits[1].GetValue(text, t => Compute(t, allowRemoteImages: true))
            : Splits[0].GetValue(text, t => Compute(t, allowRemoteImages: false));
    }

    /// <summary>The source text of each top-level block (blank lines between blocks dropped).</summary>
    internal static IReadOnlyList<string> SplitSource(string text) => [.. Sources(text).Select(b => b.Text)];

    /// <summary>
    /// The top-level blocks of <paramref name="text"/> with their offsets: the one whole-pad parse, shared by the rendered
    /// split and the conclusions (<see cref="PadConclusions"/>) of the same string instance.
    /// </summary>
    internal static IReadOnlyList<BlockSource> Sources(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SourceTable.GetValue(text, ComputeSources);
    }

    /// <summary>Whether Markdig refused <paramref name="text"/>, when its split is already known; null when it is not.</summary>
    internal static bool? KnownRefused(string text) =>
        SourceTable.TryGetValue(text, out var sources) ? sources is [{ Refused: true }] : null;

    private static BlockSource[] ComputeSources(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (PadMarkdown.TryParse(text) is not { } document)
        {
            return [new BlockSource(0, text.TrimEnd(), Refused: true)]; // one block, shown as text
        }

        var starts = new SortedSet<int>();
        foreach (var block in document)
        {
            if (block.Span.Start >= 0 && block.Span.Start < text.Length)
            {
                starts.Add(block.Span.Start);
            }
        }

        // Each block runs to the next one's start: whatever a block's span leaves out still belongs to it.
        var bounds = starts.ToArray();
        var slices = new List<BlockSource>(bounds.Length);
        for (var i = 0; i < bounds.Length; i++)
        {
            var end = i + 1 < bounds.Length ? bounds[i + 1] : text.Length;
            var slice = text[bounds[i]..end].TrimEnd();
            if (slice.Length > 0)
            {
                slices.Add(new BlockSource(bounds[i], slice));
            }
        }

        return [.. slices];
    }

    private static MarkdownBlock[] Compute(string text, bool allowRemoteImages)
    {
        var slices = Sources(text);
        // A refused pad is not parsed again (Markdig takes seconds to refuse a megabyte): its one block is shown as text.
        var html = slices is [{ Refused: true } refused]
            ? [new MarkupString(PadMarkdown.AsText(refused.Text))]
            : Html([.. slices.Select(s => s.Text)], allowRemoteImages);
        var blocks = new MarkdownBlock[slices.Count];
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < slices.Count; i++)
        {
            var slice = slices[i].Text;
            var baseKey = string.Create(CultureInfo.InvariantCulture, $"b{slice.GetHashCode(StringComparison.Ordinal):x8}{slice.Length:x}");
            occurrences[baseKey] = occurrences.TryGetValue(baseKey, out var n) ? n + 1 : 0;
            blocks[i] = new MarkdownBlock(string.Create(CultureInfo.InvariantCulture, $"{baseKey}-{occurrences[baseKey]}"), html[i]);
        }

        return blocks;
    }

    // The blocks not cached yet are rendered together (PadMarkdown.ToSafeHtml of a list): one sanitizer pass per batch.
    private static MarkupString[] Html(string[] blocks, bool allowRemoteImages)
    {
        var cache = HtmlCaches[allowRemoteImages ? 1 : 0];
        var html = new MarkupString[blocks.Length];
        var missing = new List<int>();
        var unseen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Length; i++)
        {
            if (cache.TryGetValue(blocks[i], out var known))
            {
                html[i] = known;
            }
            else
            {
                missing.Add(i);
                unseen.Add(blocks[i]);
            }
        }

        if (missing.Count == 0)
        {
            return html;
        }

        var sources = unseen.ToArray();
        var rendered = PadMarkdown.ToSafeHtml(sources, allowRemoteImages);
        var fresh = new Dictionary<string, MarkupString>(sources.Length, StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++)
        {
            fresh[sources[i]] = Remember(cache, sources[i], new MarkupString(rendered[i]));
        }

        foreach (var i in missing)
        {
            html[i] = fresh[blocks[i]];
        }

        return html;
    }

    private static MarkupString Remember(ConcurrentDictionary<string, MarkupString> cache, string block, MarkupString html)
    {
        if (Interlocked.Add(ref _cachedChars, block.Length) > CacheBudgetChars)
        {
            // Simple and bounded: start over. Blocks still on screen are re-rendered once on their next change.
            HtmlCaches[0].Clear();
            HtmlCaches[1].Clear();
            Interlocked.Exchange(ref _cachedChars, block.Length);
        }

        return cache.GetOrAdd(block, html);
    }
}
