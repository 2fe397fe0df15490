using PadHub.Components.Pads;

namespace PadHub.Server.Pads;

internal sealed partial class PadAuthorityProvider
{
    /// <summary>
    /// A page of history straight from the store: the pad's commit loop only answers its written head revision (no
    /// flush, no copy), so readers of a long history never queue submits behind them. Every revision up to that head
    /// is in the store, whatever the loop commits meanwhile.
    /// </summary>
    internal async Task<PadHistoryResult> ReadHistoryAsync(string padId, int fromRevision, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        if (fromRevision < 0)
        {
            throw new PadException(PadErrorCodes.StaleRevision, "fromRevision must be 0 or more.");
        }

        var head = await PostAsync<int>(padId, c => new HeadWork(c), cancellationToken).ConfigureAwait(false);
        if (fromRevision > head)
        {
            throw new PadException(PadErrorCodes.StaleRevision, $"Revision {fromRevision} is ahead of the head revision {head}.");
        }

        var count = Math.Min(maxCount, head - fromRevision);
        var stored = count == 0 ? [] : await store.GetRevisionsAsync(padId, fromRevision, count, cancellationToken).ConfigureAwait(false);
        var operations = stored.Select(r => r.Operation).ToArray();
        var last = operations.Length == 0 ? fromRevision : operations[^1].Revision;
        return new PadHistoryResult(operations, head, last < head);
    }
}
