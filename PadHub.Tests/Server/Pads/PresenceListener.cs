using PadHub.Components.Contracts.Pads;

namespace PadHub.Tests.Server.Pads;

/// <summary>Records the participant lists a connection receives.</summary>
internal sealed class PresenceListener : IPadListener
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<PadParticipant>> _lists = [];

    public IReadOnlyList<IReadOnlyList<PadParticipant>> Lists
    {
        get
        {
            lock (_gate)
            {
                return [.. _lists];
            }
        }
    }

    public ValueTask OnOperationAppliedAsync(PadOperationEvent operation) => ValueTask.CompletedTask;

    public ValueTask OnResyncRequiredAsync(int fromRevision) => ValueTask.CompletedTask;

    public ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants)
    {
        lock (_gate)
        {
            _lists.Add(participants);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnCaretMovedAsync(PadCaret caret) => ValueTask.CompletedTask;
}
