using System.Collections.Concurrent;

namespace PadHub.Components.Markdown;

/// <summary>
/// A pad's conclusions found block by block (<see cref="MarkdownBlocks.Sources"/>, the split every view renders), each
/// block's passages kept by its text: an edit re-reads only the block it touched, whatever the pad's size, and the split
/// is the views' own (one whole-pad parse per text, shared). Bounded like the rendered-block cache: past
/// <paramref name="budgetChars"/> of block text it starts over.
/// </summary>
/// <param name="extractBlock">The passages of one block, offsets relative to the block.</param>
internal sealed class BlockConclusionCache(Func<string, IReadOnlyList<PadConclusion>> extractBlock, int budgetChars = MarkdownBlocks.CacheBudgetChars)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<PadConclusion>> _blocks = new(StringComparer.Ordinal);
    private long _cachedChars;

    /// <summary>The passages of <paramref name="markdown"/>, numbered in pad order, offsets in the whole text.</summary>
    public IReadOnlyList<PadConclusion> Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!markdown.Contains("==", StringComparison.Ordinal))
        {
            return [];
        }

        var found = new List<PadConclusion>();
        foreach (var block in MarkdownBlocks.Sources(markdown))
        {
            if (block.Refused || !block.Text.Contains("==", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var passage in Block(block.Text))
            {
                found.Add(passage with { Order = found.Count + 1, Start = block.Start + passage.Start });
            }
        }

        return found;
    }

    private IReadOnlyList<PadConclusion> Block(string block)
    {
        if (_blocks.TryGetValue(block, out var passages))
        {
            return passages;
        }

        passages = extractBlock(block);
        if (Interlocked.Add(ref _cachedChars, block.Length) > budgetChars)
        {
            _blocks.Clear();
            Interlocked.Exchange(ref _cachedChars, block.Length);
        }

        return _blocks.GetOrAdd(block, passages);
    }
}
