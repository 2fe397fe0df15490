using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>The base revision is newer than the document's head: the client claims to have seen revisions that do not exist.</summary>
public sealed class RevisionAheadException(int baseRevision, int head)
    : OtException($"Base revision {baseRevision} is ahead of the head revision {head}.")
{
    /// <summary>The revision the client based its operation on.</summary>
    public int BaseRevision { get; } = baseRevision;

    /// <summary>The document's head revision.</summary>
    public int Head { get; } = head;
}
