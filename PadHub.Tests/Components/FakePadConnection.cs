using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;

namespace PadHub.Tests.Components;

internal sealed class FakePadConnection(FakePadSessionService service, string clientTag, PadJoined joined) : IPadConnection
{
    public PadJoined Joined { get; } = joined;

    public List<(long Seq, int BaseRevision, TextOperation Operation)> Submitted { get; } = [];

    public List<(int Revision, int Anchor, int Head)> Carets { get; } = [];

    /// <summary>When set, the next submit throws it (nothing is committed).</summary>
    public Exception? SubmitFailure { get; set; }

    public bool Disposed { get; private set; }

    public Task<int> SubmitAsync(long seq, int baseRevision, TextOperation operation, CancellationToken cancellationToken = default)
    {
        Submitted.Add((seq, baseRevision, operation));
        if (SubmitFailure is { } failure)
        {
            SubmitFailure = null;
            throw failure;
        }

        return Task.FromResult(service.Commit(clientTag, seq, baseRevision, operation));
    }

    public Task<PadHistoryPage> GetHistoryAsync(int fromRevision, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PadHistoryPage([.. service.Log.Where(e => e.Revision > fromRevision)], service.Log.Count, false));

    // The editor's tests never open the history: the revision calls are the server's (PadSyncHubRevisionTests).
    public Task<PadRevision> GetRevisionAsync(int revision, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PadDiff> GetDiffAsync(int fromRevision, int toRevision, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PadNamedRevision> NameRevisionAsync(int revision, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<int> RestoreRevisionAsync(int revision, int? passageFrom, int? passageTo, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<PadNamedRevision>> GetNamedRevisionsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task UpdateCaretAsync(int revision, int anchor, int head, CancellationToken cancellationToken = default)
    {
        Carets.Add((revision, anchor, head));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
