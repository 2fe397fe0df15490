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

    /// <summary>Every GetRevision call, in order (the history panel's tests count them).</summary>
    public List<int> RevisionCalls { get; } = [];

    /// <summary>Answers GetRevision; unset, the call is refused as unsupported (the editor's tests never open the history).</summary>
    public Func<int, Task<PadRevision>>? Revisions { get; set; }

    public List<PadNamedRevision> NamedRevisions { get; } = [];

    public List<(int Revision, string Name)> NameCalls { get; } = [];

    /// <summary>When set, naming throws it.</summary>
    public Exception? NameFailure { get; set; }

    public List<(int From, int To)> DiffCalls { get; } = [];

    /// <summary>Answers GetDiff.</summary>
    public Func<int, int, PadDiff>? Diffs { get; set; }

    public List<(int Revision, int? From, int? To)> RestoreCalls { get; } = [];

    /// <summary>Answers RestoreRevision with the revision produced (or throws).</summary>
    public Func<int, int?, int?, int>? Restores { get; set; }

    public Task<PadRevision> GetRevisionAsync(int revision, CancellationToken cancellationToken = default)
    {
        RevisionCalls.Add(revision);
        return Revisions is { } answer ? answer(revision) : throw new NotSupportedException();
    }

    public Task<PadDiff> GetDiffAsync(int fromRevision, int toRevision, CancellationToken cancellationToken = default)
    {
        DiffCalls.Add((fromRevision, toRevision));
        return Diffs is { } answer ? Task.FromResult(answer(fromRevision, toRevision)) : throw new NotSupportedException();
    }

    public Task<PadNamedRevision> NameRevisionAsync(int revision, string name, CancellationToken cancellationToken = default)
    {
        NameCalls.Add((revision, name));
        if (NameFailure is { } failure)
        {
            throw failure;
        }

        var named = new PadNamedRevision(revision, name, Joined.AuthorId, DateTimeOffset.UnixEpoch);
        NamedRevisions.RemoveAll(n => n.Revision == revision);
        NamedRevisions.Add(named);
        return Task.FromResult(named);
    }

    public Task<int> RestoreRevisionAsync(int revision, int? passageFrom, int? passageTo, CancellationToken cancellationToken = default)
    {
        RestoreCalls.Add((revision, passageFrom, passageTo));
        return Restores is { } answer ? Task.FromResult(answer(revision, passageFrom, passageTo)) : throw new NotSupportedException();
    }

    public Task<IReadOnlyList<PadNamedRevision>> GetNamedRevisionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PadNamedRevision>>([.. NamedRevisions.OrderBy(n => n.Revision)]);

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
