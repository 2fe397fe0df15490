using PadHub.Core.Documents;

namespace PadHub.Core.Diffs;

/// <summary>
/// A diff of two versions of a pad with authorship: <see cref="TextDiff"/>'s spans cut at author boundaries, each part
/// with its author (equal and inserted text as in the newer version, deleted text as in the older one).
/// </summary>
public static class AuthoredDiff
{
    /// <summary>The parts that turn the older version into the newer one.</summary>
    /// <remarks>
    /// Concatenating the equal and delete parts gives <paramref name="oldText"/>, the equal and insert parts
    /// <paramref name="newText"/>. Adjacent parts differ in kind or author.
    /// </remarks>
    /// <exception cref="ArgumentException">The authorship runs do not cover their text exactly.</exception>
    public static IReadOnlyList<DiffPart> Compute(
        string oldText, IReadOnlyList<AuthorRun> oldAuthorship, string newText, IReadOnlyList<AuthorRun> newAuthorship,
        int maxEdits = TextDiff.DefaultMaxEdits)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var oldAuthors = new RunCursor(oldAuthorship, oldText.Length, nameof(oldAuthorship));
        var newAuthors = new RunCursor(newAuthorship, newText.Length, nameof(newAuthorship));
        var parts = new List<DiffPart>();
        int oldAt = 0, newAt = 0;
        foreach (var span in TextDiff.Compute(oldText, newText, maxEdits))
        {
            var left = span.Length;
            while (left > 0)
            {
                // Equal text advances both cursors; its author is the newer version's.
                var cursor = span.Kind == DiffKind.Delete ? oldAuthors : newAuthors;
                var (author, available) = cursor.Current;
                var take = Math.Min(left, available);
                if (span.Kind == DiffKind.Equal)
                {
                    take = Math.Min(take, oldAuthors.Current.Available);
                }

                var text = span.Kind == DiffKind.Delete ? oldText.Substring(oldAt, take) : newText.Substring(newAt, take);
                Add(parts, span.Kind, text, author);
                if (span.Kind != DiffKind.Insert)
                {
                    oldAuthors.Advance(take);
                    oldAt += take;
                }

                if (span.Kind != DiffKind.Delete)
                {
                    newAuthors.Advance(take);
                    newAt += take;
                }

                left -= take;
            }
        }

        return parts;
    }

    private static void Add(List<DiffPart> parts, DiffKind kind, string text, string authorId)
    {
        if (parts.Count > 0 && parts[^1] is { } last && last.Kind == kind && string.Equals(last.AuthorId, authorId, StringComparison.Ordinal))
        {
            parts[^1] = last with { Text = last.Text + text };
            return;
        }

        parts.Add(new DiffPart(kind, text, authorId));
    }

    private sealed class RunCursor
    {
        private readonly IReadOnlyList<AuthorRun> _runs;
        private int _index;
        private int _used;

        public RunCursor(IReadOnlyList<AuthorRun> runs, int textLength, string paramName)
        {
            ArgumentNullException.ThrowIfNull(runs, paramName);
            var total = 0L;
            foreach (var run in runs)
            {
                if (run.Length <= 0)
                {
                    throw new ArgumentException("Authorship runs must not be empty.", paramName);
                }

                total += run.Length;
            }

            if (total != textLength)
            {
                throw new ArgumentException($"The authorship runs cover {total} code units; the text has {textLength}.", paramName);
            }

            _runs = runs;
        }

        public (string AuthorId, int Available) Current => (_runs[_index].AuthorId, _runs[_index].Length - _used);

        public void Advance(int length)
        {
            _used += length;
            if (_used == _runs[_index].Length)
            {
                _index++;
                _used = 0;
            }
        }
    }
}
