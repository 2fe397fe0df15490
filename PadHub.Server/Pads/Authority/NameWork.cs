using PadHub.Components.Contracts.Pads;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Authority;

/// <summary>
/// A name to write, in the pad's serial order (so a lock settled through the pad is never overtaken by it); completes
/// with false when the pad has the most names already.
/// </summary>
internal sealed record NameWork(StoredNamedRevision Named, Func<PadAccessState>? WriteAccess, TaskCompletionSource<bool> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
