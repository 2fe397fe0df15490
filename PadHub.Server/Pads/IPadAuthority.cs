using PadHub.Components.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Server.Pads;

/// <summary>
/// The single serial committer of one pad. Everything crosses it as records so a Microsoft Orleans grain (one per pad)
/// can implement the same interface for multi-node deployments; the single-node implementation is an actor per pad.
/// </summary>
public interface IPadAuthority
{
    /// <summary>The pad's head state (loads the pad on first use).</summary>
    /// <exception cref="Components.Pads.PadException"><c>not-found</c> when the pad does not exist.</exception>
    Task<PadStateResult> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Commits an operation; completes once it is durable.</summary>
    /// <exception cref="Components.Pads.PadException">With a stable code; nothing was committed.</exception>
    Task<PadSubmitResult> SubmitAsync(PadSubmitCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes once every request queued to the pad before this call has been committed or refused; returns the head
    /// revision then, or null when the pad is not loaded (nothing can be in flight). A session lock publishes its new
    /// state and then settles each pad: since submissions of session links check their access inside the pad's serial
    /// order, nothing commits after the returned revision while the lock holds.
    /// </summary>
    Task<int?> SettleAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxCount"/> committed operations after <paramref name="fromRevision"/>, read from the store
    /// outside the commit loop (which only tells the head revision), so a long read never holds up a submit.
    /// </summary>
    /// <exception cref="Components.Pads.PadException"><c>stale-revision</c> when <paramref name="fromRevision"/> is negative or ahead of the head.</exception>
    Task<PadHistoryResult> GetHistoryAsync(int fromRevision, int maxCount, CancellationToken cancellationToken = default);
}

/// <summary>Finds the authority of a pad (the Orleans version asks the grain factory).</summary>
public interface IPadAuthorityProvider
{
    /// <summary>The authority of <paramref name="padId"/>.</summary>
    IPadAuthority GetAuthority(string padId);
}

/// <summary>An operation to commit.</summary>
public sealed record PadSubmitCommand(string AuthorId, string ClientId, long Seq, int BaseRevision, TextOperation Operation)
{
    /// <summary>
    /// For a session link: its access now, read by the authority in the pad's serial order right before committing, so
    /// that a lock (or a revoked link) settled through the authority is never overtaken by a submission already queued.
    /// </summary>
    public Func<PadAccessState>? WriteAccess { get; init; }
}

/// <summary>The outcome of a submit.</summary>
/// <param name="Revision">The revision the operation produced (the original one for a duplicate).</param>
/// <param name="Applied">The operation as applied at the head.</param>
/// <param name="Duplicate">The (client id, seq) had already been committed; nothing changed.</param>
public sealed record PadSubmitResult(int Revision, TextOperation Applied, bool Duplicate);

/// <summary>One page of history: <see cref="HasMore"/> when operations after the last one remain up to <see cref="HeadRevision"/>.</summary>
public sealed record PadHistoryResult(IReadOnlyList<CommittedOperation> Operations, int HeadRevision, bool HasMore);

/// <summary>A pad's head state.</summary>
public sealed record PadStateResult(string PadId, int Revision, string Text, IReadOnlyList<AuthorRun> Authorship);

/// <summary>
/// Where the authority reports durable commits, in revision order, for fan-out to the clients on this node.
/// Implementations must not block: the authority calls it on its commit path.
/// </summary>
public interface IPadCommitObserver
{
    /// <summary>Operations of <paramref name="padId"/> that are now durable, in revision order.</summary>
    void OnCommitted(string padId, IReadOnlyList<CommittedOperation> operations);
}
