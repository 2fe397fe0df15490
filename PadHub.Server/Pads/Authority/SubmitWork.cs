namespace PadHub.Server.Pads.Authority;

internal sealed record SubmitWork(PadSubmitCommand Command, TaskCompletionSource<PadSubmitResult> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
