using PadHub.Core.Documents;

namespace PadHub.Server.Persistence;

/// <summary>A pad as loaded: its latest snapshot and the revisions after it.</summary>
public sealed record StoredPadState(string PadId, PadSnapshot Snapshot, IReadOnlyList<StoredRevision> Revisions);
