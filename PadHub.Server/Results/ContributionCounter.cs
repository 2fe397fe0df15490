using PadHub.Server.Persistence;

namespace PadHub.Server.Results;

/// <summary>
/// Counts, per author, the characters inserted into a pad and the revisions committed, from the pad's stored revisions.
/// Revisions never change, so each pad's counts are kept and extended from where they stopped: a results page reloaded
/// during a session reads only what was committed since. The work is bounded: pages of <see cref="PageSize"/> revisions,
/// one count at a time per process (a crowd opening the results link queues, it does not multiply store reads), and at
/// most <see cref="MaxCachedPads"/> pads' counts kept.
/// </summary>
internal sealed class ContributionCounter(IPadStore store) : IDisposable
{
    internal const int PageSize = 1000;
    internal const int MaxCachedPads = 1024;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    /// <summary>The counts of <paramref name="padId"/> up to <paramref name="revision"/>; the system author (template text) is left out.</summary>
    public async Task<PadTally> CountAsync(string padId, int revision, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Counts past the asked revision (a reopened session asked again at its new end is always later; an older
            // revision is only asked when a cached count ran ahead of a recorded result) are recounted from the start.
            if (!_tallies.TryGetValue(padId, out var tally) || tally.Revision > revision)
            {
                tally = new Tally();
            }

            while (tally.Revision < revision)
            {
                var page = await store.GetRevisionsAsync(padId, tally.Revision, Math.Min(PageSize, revision - tally.Revision), cancellationToken)
                    .ConfigureAwait(false);
                if (page.Count == 0)
                {
                    break; // The store has no more (the asked revision is past the written head): count what exists.
                }

                foreach (var stored in page)
                {
                    tally.Add(stored.Operation.AuthorId, InsertedCharacters(stored.Operation.Operation), stored.Operation.Revision);
                }
            }

            if (_tallies.Count >= MaxCachedPads && !_tallies.ContainsKey(padId))
            {
                _tallies.Clear(); // A recount costs store reads only; never hold every pad ever exported.
            }

            _tallies[padId] = tally;
            return tally.ToResult();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private static long InsertedCharacters(Core.Operations.TextOperation operation)
    {
        long count = 0;
        foreach (var component in operation.Components)
        {
            if (component.IsInsert)
            {
                count += CountScalars(component.Text);
            }
        }

        return count;
    }

    /// <summary>Unicode scalar values: a surrogate pair (an emoji) is one character.</summary>
    internal static long CountScalars(string text)
    {
        long count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    // Mutable, owned by the counter under its semaphore; results leave as immutable records.
    private sealed class Tally
    {
        private readonly Dictionary<string, AuthorTally> _authors = new(StringComparer.Ordinal);

        public int Revision { get; private set; }

        public void Add(string authorId, long characters, int revision)
        {
            Revision = revision;
            if (string.Equals(authorId, SystemAuthor.Id, StringComparison.Ordinal))
            {
                return;
            }

            _authors[authorId] = _authors.TryGetValue(authorId, out var known)
                ? known with { Characters = known.Characters + characters, Edits = known.Edits + 1 }
                : new AuthorTally(authorId, characters, 1, revision);
        }

        public PadTally ToResult() => new(Revision, [.. _authors.Values.OrderBy(a => a.FirstRevision)]);
    }
}
