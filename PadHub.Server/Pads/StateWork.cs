namespace PadHub.Server.Pads;

internal sealed record StateWork(TaskCompletionSource<PadStateResult> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
