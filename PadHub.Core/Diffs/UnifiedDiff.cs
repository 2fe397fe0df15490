using System.Globalization;
using System.Text;

namespace PadHub.Core.Diffs;

/// <summary>
/// Formats two texts as a unified diff (the <c>diff -u</c> / <c>git diff</c> format: <c>---</c>/<c>+++</c> headers,
/// <c>@@ -a,b +c,d @@</c> hunks of context, <c>-</c> and <c>+</c> lines), over <see cref="TextDiff.ComputeLines"/>.
/// </summary>
/// <remarks>
/// A last line without a newline is followed by <c>\ No newline at end of file</c>, as GNU diff writes it, so
/// <c>patch</c> and <c>git apply</c> rebuild the newer text exactly. Identical texts give the two headers only.
/// Line numbers are 1-based; an empty side of a hunk starts at the line before it (0 at the top), as in GNU diff.
/// </remarks>
public static class UnifiedDiff
{
    /// <summary>Unchanged lines shown around each change by default, as <c>diff -u</c>.</summary>
    public const int DefaultContext = 3;

    private const string NoNewline = "\\ No newline at end of file\n";

    /// <summary>The unified diff from <paramref name="oldText"/> (labelled <paramref name="oldLabel"/>) to <paramref name="newText"/>.</summary>
    /// <param name="oldText">The older text.</param>
    /// <param name="newText">The newer text.</param>
    /// <param name="oldLabel">The <c>---</c> header's file label (line breaks and tabs are replaced by spaces).</param>
    /// <param name="newLabel">The <c>+++</c> header's file label.</param>
    /// <param name="context">Unchanged lines around each change; changes closer than twice this share a hunk.</param>
    /// <param name="maxEdits">The line diff's work bound (<see cref="TextDiff.DefaultMaxEdits"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="context"/> or <paramref name="maxEdits"/> is negative.</exception>
    public static string Format(string oldText, string newText, string oldLabel, string newLabel, int context = DefaultContext, int maxEdits = TextDiff.DefaultMaxEdits)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentNullException.ThrowIfNull(oldLabel);
        ArgumentNullException.ThrowIfNull(newLabel);
        ArgumentOutOfRangeException.ThrowIfNegative(context);

        var spans = TextDiff.ComputeLines(oldText, newText, maxEdits);
        var oldLines = TextDiff.Lines(oldText);
        var newLines = TextDiff.Lines(newText);
        var lines = Flatten(spans);

        var output = new StringBuilder();
        output.Append("--- ").Append(Label(oldLabel)).Append('\n');
        output.Append("+++ ").Append(Label(newLabel)).Append('\n');

        var index = 0;
        while (NextChange(lines, index) is { } first)
        {
            // A hunk runs from `context` lines before its first change to `context` lines after its last, taking in
            // every change that starts within 2 × context unchanged lines of the previous one.
            var start = Math.Max(index, first - context);
            var last = first;
            while (NextChange(lines, last + 1) is { } next && next - LastOfRun(lines, last) - 1 <= 2 * context)
            {
                last = next;
            }

            var end = Math.Min(lines.Count, LastOfRun(lines, last) + 1 + context);
            WriteHunk(output, lines, start, end, oldLines, newLines);
            index = end;
        }

        return output.ToString();
    }

    private static List<(DiffKind Kind, int Old, int New)> Flatten(IReadOnlyList<DiffSpan> spans)
    {
        // One entry per line of the diff, with its index in the older and newer texts (the next one's, for the side it is not on).
        var lines = new List<(DiffKind Kind, int Old, int New)>();
        int oldAt = 0, newAt = 0;
        foreach (var span in spans)
        {
            for (var i = 0; i < span.Length; i++)
            {
                lines.Add((span.Kind, oldAt, newAt));
                oldAt += span.Kind == DiffKind.Insert ? 0 : 1;
                newAt += span.Kind == DiffKind.Delete ? 0 : 1;
            }
        }

        return lines;
    }

    private static int? NextChange(List<(DiffKind Kind, int Old, int New)> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffKind.Equal)
            {
                return i;
            }
        }

        return null;
    }

    private static int LastOfRun(List<(DiffKind Kind, int Old, int New)> lines, int at)
    {
        while (at + 1 < lines.Count && lines[at + 1].Kind != DiffKind.Equal)
        {
            at++;
        }

        return at;
    }

    private static void WriteHunk(
        StringBuilder output, List<(DiffKind Kind, int Old, int New)> lines, int start, int end, List<string> oldLines, List<string> newLines)
    {
        int oldCount = 0, newCount = 0;
        for (var i = start; i < end; i++)
        {
            oldCount += lines[i].Kind == DiffKind.Insert ? 0 : 1;
            newCount += lines[i].Kind == DiffKind.Delete ? 0 : 1;
        }

        output.Append("@@ -").Append(Range(lines[start].Old, oldCount)).Append(" +").Append(Range(lines[start].New, newCount)).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var (kind, oldAt, newAt) = lines[i];
            var (prefix, text) = kind switch
            {
                DiffKind.Delete => ('-', oldLines[oldAt]),
                DiffKind.Insert => ('+', newLines[newAt]),
                _ => (' ', oldLines[oldAt]),
            };
            output.Append(prefix).Append(text);
            if (!text.EndsWith('\n'))
            {
                output.Append('\n').Append(NoNewline);
            }
        }
    }

    // GNU diff: "start,count", with ",1" left out, and an empty range starting at the line before it.
    private static string Range(int firstIndex, int count) => count switch
    {
        0 => firstIndex.ToString(CultureInfo.InvariantCulture) + ",0",
        1 => (firstIndex + 1).ToString(CultureInfo.InvariantCulture),
        _ => (firstIndex + 1).ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture),
    };

    private static string Label(string label) => label.ReplaceLineEndings(" ").Replace('\t', ' ');
}
