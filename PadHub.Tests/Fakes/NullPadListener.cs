using PadHub.Components.Contracts.Pads;

namespace PadHub.Tests.Fakes;

/// <summary>A pad listener for tests that join a pad only to call it: every event is dropped.</summary>
internal sealed class NullPadListener : IPadListener
{
    public static readonly NullPadListener Instance = new();

    public ValueTask OnOperationAppliedAsync(PadOperationEvent operation) => ValueTask.CompletedTask;

    public ValueTask OnResyncRequiredAsync(int fromRevision) => ValueTask.CompletedTask;

    public ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) => ValueTask.CompletedTask;

    public ValueTask OnCaretMovedAsync(PadCaret caret) => ValueTask.CompletedTask;
}
