namespace PadHub.Core.Diffs;

/// <summary>
/// A bounded line diff of two texts (Myers' O((N+M)D) algorithm over lines), each changed block narrowed to the code
/// units that differ. The work is bounded by <c>maxEdits</c>: past that many line edits the texts are one changed block
/// (still a correct diff, narrowed to its common prefix and suffix).
/// </summary>
/// <remarks>
/// Invariants of the result: adjacent spans have different kinds; equal and delete spans together cover the older text
/// in order, equal and insert spans the newer one; within a change a deletion comes before an insertion.
/// </remarks>
public static class TextDiff
{
    /// <summary>The line edits diffed exactly by default: time O((lines) × this), memory O(this²).</summary>
    public const int DefaultMaxEdits = 1_000;

    /// <summary>The spans that turn <paramref name="oldText"/> into <paramref name="newText"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxEdits"/> is negative.</exception>
    public static IReadOnlyList<DiffSpan> Compute(string oldText, string newText, int maxEdits = DefaultMaxEdits)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEdits);

        var spans = new List<DiffSpan>();
        var oldLines = Lines(oldText);
        var newLines = Lines(newText);
        var steps = new List<(DiffKind Kind, int Length)>();
        int oldLine = 0, newLine = 0;
        foreach (var (kind, count) in DiffLines(oldLines, newLines, maxEdits))
        {
            // Line counts to code units: an equal or deleted line is read from the older text, an inserted one from the newer.
            for (var i = 0; i < count; i++)
            {
                steps.Add((kind, kind == DiffKind.Insert ? newLines[newLine].Length : oldLines[oldLine].Length));
                oldLine += kind == DiffKind.Insert ? 0 : 1;
                newLine += kind == DiffKind.Delete ? 0 : 1;
            }
        }

        Emit(spans, steps, oldText, newText);
        return spans;
    }

    /// <summary>
    /// The same bounded line diff without narrowing: spans of whole lines, <see cref="DiffSpan.Length"/> counted in lines
    /// (a line ends after its <c>\n</c>; a last line without one is a line too), for line-based formats such as
    /// <see cref="UnifiedDiff"/>. Equal and delete spans cover the older text's lines, equal and insert spans the newer's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxEdits"/> is negative.</exception>
    public static IReadOnlyList<DiffSpan> ComputeLines(string oldText, string newText, int maxEdits = DefaultMaxEdits)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEdits);

        var spans = new List<DiffSpan>();
        foreach (var (kind, count) in DiffLines(Lines(oldText), Lines(newText), maxEdits))
        {
            Add(spans, kind, count);
        }

        return spans;
    }

    /// <summary>The lines of <paramref name="text"/>, each with its <c>\n</c> (the last one may have none).</summary>
    internal static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var stop = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..stop]);
            start = stop;
        }

        return lines;
    }

    private static List<(DiffKind Kind, int Lines)> DiffLines(List<string> a, List<string> b, int maxEdits)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var x = a.ConvertAll(line => Intern(ids, line));
        var y = b.ConvertAll(line => Intern(ids, line));
        var n = x.Count;
        var m = y.Count;
        var limit = Math.Min(maxEdits, n + m);

        // trace[d] is V after round d, indexed k + d for diagonals k in [-d, d]: O(D²) memory in all.
        var trace = new List<int[]>();
        var v = new int[3];
        int? found = null;
        for (var d = 0; d <= limit && found is null; d++)
        {
            var next = new int[(2 * d) + 1];
            for (var k = -d; k <= d; k += 2)
            {
                int row;
                if (d == 0)
                {
                    row = 0;
                }
                else if (k == -d || (k != d && Get(v, d - 1, k - 1) < Get(v, d - 1, k + 1)))
                {
                    row = Get(v, d - 1, k + 1); // down: an insertion
                }
                else
                {
                    row = Get(v, d - 1, k - 1) + 1; // right: a deletion
                }

                var col = row - k;
                while (row < n && col < m && x[row] == y[col])
                {
                    row++;
                    col++;
                }

                next[k + d] = row;
                if (row >= n && col >= m)
                {
                    found = d;
                    break;
                }
            }

            trace.Add(next);
            v = next;
        }

        return found is null
            ? [(DiffKind.Delete, n), (DiffKind.Insert, m)]
            : Backtrack(trace, found.Value, x, y);
    }

    // Steps of one line each (the budget's fallback above: all lines at once).
    private static List<(DiffKind Kind, int Lines)> Backtrack(List<int[]> trace, int edits, List<int> x, List<int> y)
    {
        var steps = new List<(DiffKind Kind, int Lines)>();
        var row = x.Count;
        var col = y.Count;
        for (var d = edits; d >= 0; d--)
        {
            var k = row - col;
            int prevK, prevRow;
            if (d == 0)
            {
                prevK = 0;
                prevRow = 0;
            }
            else if (k == -d || (k != d && Get(trace[d - 1], d - 1, k - 1) < Get(trace[d - 1], d - 1, k + 1)))
            {
                prevK = k + 1;
                prevRow = Get(trace[d - 1], d - 1, prevK);
            }
            else
            {
                prevK = k - 1;
                prevRow = Get(trace[d - 1], d - 1, prevK) + 1;
            }

            while (row > prevRow && col > prevRow - k)
            {
                row--;
                col--;
                steps.Add((DiffKind.Equal, 1));
            }

            if (d > 0)
            {
                if (prevK == k + 1)
                {
                    col--;
                    steps.Add((DiffKind.Insert, 1));
                }
                else
                {
                    row--;
                    steps.Add((DiffKind.Delete, 1));
                }
            }
        }

        steps.Reverse();
        return steps;
    }

    // Within a run of changed lines the deletions go first, so a replaced block reads "old, then new"; the block is then
    // narrowed to the code units that differ, so one word changed in a long paragraph (a line) is one word in the diff.
    private static void Emit(List<DiffSpan> spans, List<(DiffKind Kind, int Length)> steps, string oldText, string newText)
    {
        int oldAt = 0, newAt = 0, deleted = 0, inserted = 0;
        foreach (var (kind, length) in steps)
        {
            switch (kind)
            {
                case DiffKind.Delete:
                    deleted += length;
                    break;
                case DiffKind.Insert:
                    inserted += length;
                    break;
                default:
                    Change(spans, oldText.AsSpan(oldAt, deleted), newText.AsSpan(newAt, inserted));
                    oldAt += deleted + length;
                    newAt += inserted + length;
                    deleted = inserted = 0;
                    Add(spans, DiffKind.Equal, length);
                    break;
            }
        }

        Change(spans, oldText.AsSpan(oldAt, deleted), newText.AsSpan(newAt, inserted));
    }

    private static void Change(List<DiffSpan> spans, ReadOnlySpan<char> older, ReadOnlySpan<char> newer)
    {
        var prefix = older.CommonPrefixLength(newer);
        var max = Math.Min(older.Length, newer.Length) - prefix;
        var suffix = 0;
        while (suffix < max && older[older.Length - 1 - suffix] == newer[newer.Length - 1 - suffix])
        {
            suffix++;
        }

        // A cut inside a surrogate pair would split it between two parts.
        while (prefix > 0 && char.IsHighSurrogate(older[prefix - 1]))
        {
            prefix--;
        }

        while (suffix > 0 && char.IsLowSurrogate(older[^suffix]))
        {
            suffix--;
        }

        Add(spans, DiffKind.Equal, prefix);
        Add(spans, DiffKind.Delete, older.Length - prefix - suffix);
        Add(spans, DiffKind.Insert, newer.Length - prefix - suffix);
        Add(spans, DiffKind.Equal, suffix);
    }

    private static int Get(int[] v, int d, int k) => v[k + d];

    private static int Intern(Dictionary<string, int> ids, string line)
    {
        if (!ids.TryGetValue(line, out var id))
        {
            ids.Add(line, id = ids.Count);
        }

        return id;
    }

    private static void Add(List<DiffSpan> spans, DiffKind kind, int length)
    {
        if (length == 0)
        {
            return;
        }

        if (spans.Count > 0 && spans[^1].Kind == kind)
        {
            spans[^1] = new DiffSpan(kind, spans[^1].Length + length);
            return;
        }

        spans.Add(new DiffSpan(kind, length));
    }
}
