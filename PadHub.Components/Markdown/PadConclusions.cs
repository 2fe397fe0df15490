using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PadHub.Components.Markdown;

/// <summary>
/// A pad's conclusions: exactly the passages its Markdown renders as <c>&lt;mark&gt;</c> (<c>==text==</c>), in pad
/// order. Read from the same top-level blocks every view renders (<see cref="MarkdownBlocks"/>), each parsed as it is
/// rendered, so what counts as a conclusion is what every view highlights: <c>==</c> inside code spans, fenced or
/// indented code is text, never a mark, and nothing is guessed from headings. Each block's passages are cached by its
/// text (<see cref="BlockConclusionCache"/>): the dashboard re-reads a large pad's conclusions on every edit.
/// </summary>
public static class PadConclusions
{
    private const char MarkDelimiter = '=';

    private static readonly BlockConclusionCache Cache = new(ExtractBlock);

    /// <summary>The marked passages of <paramref name="markdown"/>; empty when it has none or Markdig refuses it.</summary>
    public static IReadOnlyList<PadConclusion> Extract(string markdown) => Cache.Extract(markdown);

    /// <summary>The marked passages of one block on its own, offsets relative to it.</summary>
    internal static IReadOnlyList<PadConclusion> ExtractBlock(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!markdown.Contains("==", StringComparison.Ordinal) || PadMarkdown.TryParse(markdown) is not { } document)
        {
            return [];
        }

        var found = new List<PadConclusion>();
        foreach (var mark in document.Descendants<EmphasisInline>())
        {
            if (mark.DelimiterChar != MarkDelimiter || mark.DelimiterCount != 2 || IsInsideMark(mark))
            {
                continue;
            }

            var start = mark.Span.Start;
            var length = mark.Span.Length;
            var inner = start + 2 <= start + length - 2 ? markdown.Substring(start + 2, length - 4) : string.Empty;
            var text = PlainText(mark);
            if (text.Length > 0)
            {
                found.Add(new PadConclusion(found.Count + 1, inner, text, start, length));
            }
        }

        return found;
    }

    // A mark nested in a mark (====a====) is one passage, the outer one.
    private static bool IsInsideMark(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is EmphasisInline { DelimiterChar: MarkDelimiter, DelimiterCount: 2 })
            {
                return true;
            }
        }

        return false;
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        Append(container, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Append(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline nested:
                    Append(nested, text);
                    break;
            }
        }
    }
}
