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

    /// <summary>
    /// The pad at <paramref name="revision"/>, rebuilt outside the commit loop from the latest stored snapshot at or below
    /// it plus the stored revisions after that (at most about one snapshot interval of replay).
    /// </summary>
    /// <exception cref="PadException"><c>stale-revision</c> when <paramref name="revision"/> is negative or ahead of the head.</exception>
    Task<PadRevision> GetRevisionAsync(int revision, CancellationToken cancellationToken = default);

    /// <summary>The authored diff from <paramref name="fromRevision"/> to <paramref name="toRevision"/>, outside the commit loop.</summary>
    /// <exception cref="PadException"><c>stale-revision</c> for a revision out of range; <c>invalid-op</c> when from is after to.</exception>
    Task<PadDiff> GetDiffAsync(int fromRevision, int toRevision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Names (or renames) a revision up to the head; the name is already validated. Written in the pad's serial order,
    /// where <paramref name="writeAccess"/> (a session link's access now) is read, so nothing is named after a settled lock.
    /// </summary>
    /// <exception cref="PadException"><c>forbidden</c> when <paramref name="writeAccess"/> says the link cannot write;
    /// <c>stale-revision</c>; <c>too-large</c> when the pad has the most names already.</exception>
    Task<PadNamedRevision> NameRevisionAsync(
        int revision, string name, string authorId, Func<PadAccessState>? writeAccess = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Restores a past revision, or a passage of its text, as a new revision authored by the command's author (see
    /// <see cref="PadHub.Core.Operations.RevisionRestore"/> for what exactly is brought back). Planned outside the commit
    /// loop against the written head H (the revision's text rebuilt, the operations since it composed), then committed
    /// in the pad's serial order as an edit based on H: whatever was committed after H is transformed like any concurrent
    /// edit, and so is every later submission based before the restore.
    /// </summary>
    /// <returns>The revision the restore produced; H when nothing differs (nothing is committed).</returns>
    /// <exception cref="PadException"><c>forbidden</c> (the command's write access, read in serial order);
    /// <c>stale-revision</c> for a revision out of range; <c>invalid-op</c> for a bad passage; <c>too-large</c> past the
    /// restore's work bound or an operation's limits.</exception>
    Task<int> RestoreRevisionAsync(PadRestoreCommand command, CancellationToken cancellationToken = default);

    /// <summary>The pad's named revisions, in revision order.</summary>
    Task<IReadOnlyList<PadNamedRevision>> GetNamedRevisionsAsync(CancellationToken cancellationToken = default);
}
