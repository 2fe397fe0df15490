using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;

namespace PadHub.Server.Persistence;

/// <summary>
/// Durable storage of pads, their revisions, snapshots, authors and access tokens (EF Core; SQLite by default,
/// SQL Server in production). Every method is one short unit of work.
/// </summary>
public interface IPadStore
{
    /// <summary>
    /// Creates a pad at revision 0 with <paramref name="initialText"/> (a snapshot at revision 0) and a fresh edit token and
    /// view token (at least 128 random bits each, stored hashed). The plain tokens are returned only here.
    /// </summary>
    Task<CreatedPad> CreatePadAsync(string initialText, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a stand-alone pad's link of <paramref name="role"/>: every token of that role on the pad is revoked (it
    /// stops resolving at once) and a fresh one (256 random bits, stored hashed) is returned. Null when
    /// <paramref name="padId"/> is no stand-alone pad (unknown, or a workshop session's pad, which has no links of its own).
    /// </summary>
    Task<string?> ReplaceTokenAsync(string padId, PadRole role, CancellationToken cancellationToken = default);

    /// <summary>The pad and role a token grants, or null when the token is unknown or revoked.</summary>
    Task<PadAccess?> ResolveTokenAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>The latest snapshot and every revision after it, or null when the pad does not exist.</summary>
    Task<StoredPadState?> LoadAsync(string padId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends consecutive revisions of one pad in ONE transaction (group commit). Fails without writing anything when a
    /// revision number or a (client id, seq) already exists.
    /// </summary>
    Task AppendRevisionsAsync(string padId, IReadOnlyList<StoredRevision> revisions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="AppendRevisionsAsync"/>, but may return once the batch is written and would survive a crash of
    /// this process, before it is on stable storage (no fsync). <see cref="SyncAsync"/> then makes every batch written so
    /// far durable. A store that cannot split the two (the default) appends durably here and syncs nothing.
    /// </summary>
    Task AppendRevisionsUnsyncedAsync(string padId, IReadOnlyList<StoredRevision> revisions, CancellationToken cancellationToken = default) =>
        AppendRevisionsAsync(padId, revisions, cancellationToken);

    /// <summary>Makes every batch <see cref="AppendRevisionsUnsyncedAsync"/> returned from before this call durable.</summary>
    Task SyncAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Saves a snapshot (text and authorship) at its revision; an existing snapshot at that revision is kept.</summary>
    Task SaveSnapshotAsync(string padId, PadSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> revisions after <paramref name="afterRevision"/>, in order.</summary>
    Task<IReadOnlyList<StoredRevision>> GetRevisionsAsync(string padId, int afterRevision, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// What rebuilds the pad at <paramref name="revision"/>: the latest snapshot at or below it and the revisions after
    /// that snapshot up to it (at most the snapshot interval), with the revision's commit time. Null when the pad does not
    /// exist. The caller checks that the revision is at most the written head.
    /// </summary>
    Task<StoredRevisionState?> LoadRevisionAsync(string padId, int revision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Names a revision, or renames it when it already has a name. False, with nothing written, when the pad already has
    /// <paramref name="maxPerPad"/> named revisions and this one is not among them.
    /// </summary>
    Task<bool> NameRevisionAsync(string padId, StoredNamedRevision named, int maxPerPad, CancellationToken cancellationToken = default);

    /// <summary>The pad's named revisions, in revision order.</summary>
    Task<IReadOnlyList<StoredNamedRevision>> GetNamedRevisionsAsync(string padId, CancellationToken cancellationToken = default);

    /// <summary>The revision an already-committed (client id, seq) produced, or null.</summary>
    Task<int?> FindRevisionAsync(string padId, string clientId, long seq, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="clientId"/> has committed any revision of the pad (it was used with an editor's link).</summary>
    Task<bool> HasClientAsync(string padId, string clientId, CancellationToken cancellationToken = default);

    /// <summary>Creates or renames an author.</summary>
    Task SaveAuthorAsync(PadAuthor author, CancellationToken cancellationToken = default);

    /// <summary>The authors with these ids that exist.</summary>
    Task<IReadOnlyList<PadAuthor>> GetAuthorsAsync(IReadOnlyCollection<string> authorIds, CancellationToken cancellationToken = default);
}
