using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>The base revision is older than the retained history: the client must resync from a snapshot.</summary>
public sealed class RevisionTooOldException(int baseRevision, int oldest)
    : OtException($"Base revision {baseRevision} is older than the retained history, which starts at revision {oldest}: resync from a snapshot.")
{
    /// <summary>The revision the client based its operation on.</summary>
    public int BaseRevision { get; } = baseRevision;

    /// <summary>The oldest base revision still accepted.</summary>
    public int Oldest { get; } = oldest;
}
