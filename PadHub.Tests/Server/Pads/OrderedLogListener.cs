using PadHub.Components.Contracts.Pads;

namespace PadHub.Tests.Server.Pads;

/// <summary>Blocks on its first operation until released, then records every call in order.</summary>
internal sealed class OrderedLogListener : IPadListener
{
    private readonly Lock _gate = new();
    private readonly List<string> _log = [];
    private volatile bool _blocked;

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Blocked => _blocked;

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    public async ValueTask OnOperationAppliedAsync(PadOperationEvent operation)
    {
        _blocked = true;
        await Release.Task;
        await Add($"op {operation.Revision}");
    }

    public ValueTask OnResyncRequiredAsync(int fromRevision) => Add($"resync {fromRevision}");

    public ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) => ValueTask.CompletedTask;

    public ValueTask OnCaretMovedAsync(PadCaret caret) => ValueTask.CompletedTask;

    public ValueTask OnAccessChangedAsync(PadAccessState access) => Add($"access canWrite={access.CanWrite} {access.Reason}");

    private ValueTask Add(string entry)
    {
        lock (_gate)
        {
            _log.Add(entry);
        }

        return ValueTask.CompletedTask;
    }
}
