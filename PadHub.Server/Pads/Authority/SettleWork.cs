namespace PadHub.Server.Pads.Authority;

/// <summary>A barrier: completes when everything queued before it is committed or refused; null when nothing was loaded.</summary>
internal sealed record SettleWork(TaskCompletionSource<int?> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
