using PadHub.Components.Contracts.Pads;

namespace PadHub.Tests.Server.Pads;

/// <summary>Records what a connection receives.</summary>
internal sealed class RecordingListener : IPadListener
{
    private readonly Lock _gate = new();
    private readonly List<PadOperationEvent> _operations = [];

    public TaskCompletionSource Release { get; init; } = CompletedGate();

    public List<int> Resyncs { get; } = [];

    public IReadOnlyList<PadOperationEvent> Operations
    {
        get
        {
            lock (_gate)
            {
                return [.. _operations];
            }
        }
    }

    public int LastRevision
    {
        get
        {
            lock (_gate)
            {
                return _operations.Count == 0 ? 0 : _operations[^1].Revision;
            }
        }
    }

    public async ValueTask OnOperationAppliedAsync(PadOperationEvent operation)
    {
        await Release.Task;
        lock (_gate)
        {
            _operations.Add(operation);
        }
    }

    public ValueTask OnResyncRequiredAsync(int fromRevision)
    {
        lock (_gate)
        {
            Resyncs.Add(fromRevision);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) => ValueTask.CompletedTask;

    public ValueTask OnCaretMovedAsync(PadCaret caret) => ValueTask.CompletedTask;

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
