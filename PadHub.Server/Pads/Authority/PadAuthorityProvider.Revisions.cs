using System.Collections.Concurrent;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Diffs;
using PadHub.Core.Documents;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Authority;

// Past revisions, diffs and named revisions: like history pages, read from the store outside the pad's commit loop,
// which only tells its written head.
internal sealed partial class PadAuthorityProvider
{
    // A slider drag asks for the same few revisions again and again, and a revision never changes: keep up to 16 (at most
    // 16 pads of MaxPadLength, 32 MB with the default limits), dropped all at once when full, like history pages.
    private readonly ConcurrentDictionary<(string PadId, int Revision), PadRevision> _revisions = new();
    private const int MaxCachedRevisions = 16;

    internal async Task<PadRevision> ReadRevisionAsync(string padId, int revision, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(padId, cancellationToken).ConfigureAwait(false);
        CheckRevision(revision, head, "revision");
        return await RebuildAsync(padId, revision, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<PadDiff> ReadDiffAsync(string padId, int fromRevision, int toRevision, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(padId, cancellationToken).ConfigureAwait(false);
        CheckRevision(fromRevision, head, "fromRevision");
        CheckRevision(toRevision, head, "toRevision");
        if (fromRevision > toRevision)
        {
            throw new PadException(PadErrorCodes.InvalidOp, $"fromRevision {fromRevision} is after toRevision {toRevision}.");
        }

        var older = await RebuildAsync(padId, fromRevision, cancellationToken).ConfigureAwait(false);
        var newer = await RebuildAsync(padId, toRevision, cancellationToken).ConfigureAwait(false);
        var parts = AuthoredDiff.Compute(older.Text, older.Authorship, newer.Text, newer.Authorship);
        return new PadDiff(fromRevision, toRevision, parts);
    }

    internal async Task<PadNamedRevision> NameRevisionAsync(
        string padId, int revision, string name, string authorId, Func<PadAccessState>? writeAccess, CancellationToken cancellationToken)
    {
        // Written by the pad's actor, in its serial order, where a lock is ordered (as a submit is): a name that passed
        // its connection's check just before a lock is refused, never written after it.
        var named = new StoredNamedRevision(revision, name, authorId, time.GetUtcNow());
        if (!await PostAsync<bool>(padId, c => new NameWork(named, writeAccess, c), cancellationToken).ConfigureAwait(false))
        {
            throw new PadException(PadErrorCodes.TooLarge,
                $"This pad has {PadNamedRevision.MaxPerPad} named revisions already; rename one of them instead.");
        }

        return ToNamed(named);
    }

    internal async Task<IReadOnlyList<PadNamedRevision>> ReadNamedRevisionsAsync(string padId, CancellationToken cancellationToken)
    {
        // Through the actor first: an unknown pad is not-found, as for every other call.
        await HeadAsync(padId, cancellationToken).ConfigureAwait(false);
        var stored = await store.GetNamedRevisionsAsync(padId, cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(ToNamed)];
    }

    private Task<int> HeadAsync(string padId, CancellationToken cancellationToken) =>
        PostAsync<int>(padId, c => new HeadWork(c), cancellationToken);

    internal static void CheckRevision(int revision, int head, string field)
    {
        if (revision < 0 || revision > head)
        {
            throw new PadException(PadErrorCodes.StaleRevision, $"{field} {revision} is out of range: the pad has revisions 0 to {head}.");
        }
    }

    private async Task<PadRevision> RebuildAsync(string padId, int revision, CancellationToken cancellationToken)
    {
        if (_revisions.TryGetValue((padId, revision), out var cached))
        {
            return cached;
        }

        StoredRevisionState? stored;
        await _historyReads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            stored = await store.LoadRevisionAsync(padId, revision, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _historyReads.Release();
        }

        if (stored is null)
        {
            throw PadErrors.PadNotFound(padId);
        }

        // Replay through Core's document: the same code that committed these revisions rebuilds their authorship.
        var document = PadDocument.FromSnapshot(stored.Snapshot, _documentOptions);
        foreach (var committed in stored.Revisions)
        {
            document.Replay(committed.Operation);
        }

        var result = new PadRevision(revision, document.GetText(), document.GetAuthorship(), stored.Time);
        if (_revisions.Count >= MaxCachedRevisions)
        {
            _revisions.Clear();
        }

        _revisions[(padId, revision)] = result;
        return result;
    }

    private static PadNamedRevision ToNamed(StoredNamedRevision named) => new(named.Revision, named.Name, named.AuthorId, named.NamedAt);
}
