using PadHub.Components.Contracts.Pads;
using PadHub.Server.Pads.Fanout;

namespace PadHub.Tests.Server.Pads;

/// <summary>Records each write of operations (a batch listener, as hub connections are) as the list of its revisions.</summary>
internal sealed class BatchListener : IPadBatchListener
{
    private readonly Lock _gate = new();
    private readonly List<int[]> _batches = [];
    private int _participantLists;

    public IReadOnlyList<int[]> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    public int ParticipantLists => Volatile.Read(ref _participantLists);

    public ValueTask OnOperationsAppliedAsync(IReadOnlyList<ISharedWireForm<PadOperationEvent>> operations)
    {
        lock (_gate)
        {
            _batches.Add([.. operations.Select(o => o.Value.Revision)]);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnParticipantListChangedAsync(ISharedWireForm<IReadOnlyList<PadParticipant>> participants)
    {
        Interlocked.Increment(ref _participantLists);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnOperationAppliedAsync(PadOperationEvent operation) => throw new InvalidOperationException("A batch listener gets batches.");

    public ValueTask OnResyncRequiredAsync(int fromRevision) => ValueTask.CompletedTask;

    public ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) =>
        throw new InvalidOperationException("A batch listener gets the shared list.");

    public ValueTask OnCaretMovedAsync(PadCaret caret) => ValueTask.CompletedTask;
}
