namespace PadHub.Server.Pads.Authority;

internal sealed record StateWork(TaskCompletionSource<PadStateResult> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
