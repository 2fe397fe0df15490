namespace PadHub.Server.Pads.Authority;

/// <summary>
/// A restore to commit: <see cref="Command"/> is the restoring operation made against the head it was planned on; the
/// actor gives it its seq (the revision it produces) and commits it like a submit.
/// </summary>
internal sealed record RestoreWork(PadSubmitCommand Command, TaskCompletionSource<PadSubmitResult> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
