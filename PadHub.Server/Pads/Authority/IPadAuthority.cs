using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Authority;

/// <summary>
/// The single serial committer of one pad. Everything crosses it as records so a Microsoft Orleans grain (one per pad)
/// can implement the same interface for multi-node deployments; the single-node implementation is an actor per pad.
/// </summary>
public interface IPadAuthority
{
    /// <summary>The pad's head state (loads the pad on first use).</summary>
    /// <exception cref="PadException"><c>not-found</c> when the pad does not exist.</exception>
    Task<PadStateResult> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Commits an operation; completes once it is durable.</summary>
    /// <exception cref="PadException">With a stable code; nothing was committed.</exception>
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
    /// <exception cref="PadException"><c>stale-revision</c> when <paramref name="fromRevision"/> is negative or ahead of the head.</exception>
    Task<PadHistoryResult> GetHistoryAsync(int fromRevision, int maxCount, CancellationToken cancellationToken = default);
}
