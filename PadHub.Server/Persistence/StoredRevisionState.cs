using PadHub.Core.Documents;

namespace PadHub.Server.Persistence;

/// <summary>
/// What rebuilds a pad at one revision: the latest snapshot at or below it, the revisions after the snapshot up to it,
/// and when the revision was committed (the pad's creation for revision 0).
/// </summary>
public sealed record StoredRevisionState(PadSnapshot Snapshot, IReadOnlyList<StoredRevision> Revisions, DateTimeOffset Time);
