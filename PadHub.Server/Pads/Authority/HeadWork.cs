namespace PadHub.Server.Pads.Authority;

/// <summary>Asks for the pad's written head revision: the end of the history readable from the store.</summary>
internal sealed record HeadWork(TaskCompletionSource<int> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
