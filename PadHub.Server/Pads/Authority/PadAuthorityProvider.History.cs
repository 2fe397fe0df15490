using System.Collections.Concurrent;
using PadHub.Core.Documents;

namespace PadHub.Server.Pads.Authority;

internal sealed partial class PadAuthorityProvider
{
    // SQLite's ADO.NET provider runs "async" reads synchronously: each page read holds a thread-pool thread. One read at
    // a time (the others wait without a thread) leaves the pool's threads to the commit loops; the per-connection rate
    // limit keeps the queue short.
    private readonly SemaphoreSlim _historyReads = new(1, 1);

    // A full page never changes (history is append-only), and readers catching up from the same place ask for the
    // same pages: keep the most recent ones, a few MB at most.
    private readonly ConcurrentDictionary<(string PadId, int From, int Count), CommittedOperation[]> _fullPages = new();
    private const int MaxCachedPages = 64;

    /// <summary>
    /// A page of history straight from the store: the pad's commit loop only answers its written head revision (no
    /// flush, no copy), so readers of a long history never queue submits behind them. Every revision up to that head
    /// is in the store, whatever the loop commits meanwhile.
    /// </summary>
    internal async Task<PadHistoryResult> ReadHistoryAsync(string padId, int fromRevision, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var head = await HeadAsync(padId, cancellationToken).ConfigureAwait(false);
        CheckRevision(fromRevision, head, "fromRevision");

        var count = Math.Min(maxCount, head - fromRevision);
        var operations = count == 0 ? [] : await ReadPageAsync(padId, fromRevision, count, full: count == maxCount, cancellationToken).ConfigureAwait(false);
        var last = operations.Length == 0 ? fromRevision : operations[^1].Revision;
        return new PadHistoryResult(operations, head, last < head);
    }

    private async Task<CommittedOperation[]> ReadPageAsync(string padId, int fromRevision, int count, bool full, CancellationToken cancellationToken)
    {
        var key = (padId, fromRevision, count);
        if (full && _fullPages.TryGetValue(key, out var cached))
        {
            return cached;
        }

        await _historyReads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await store.GetRevisionsAsync(padId, fromRevision, count, cancellationToken).ConfigureAwait(false);
            var operations = stored.Select(r => r.Operation).ToArray();
            if (full && operations.Length == count)
            {
                if (_fullPages.Count >= MaxCachedPages)
                {
                    _fullPages.Clear();
                }

                _fullPages[key] = operations;
            }

            return operations;
        }
        finally
        {
            _historyReads.Release();
        }
    }
}
