using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>
/// The authoritative document of one pad: text, head revision, the log of committed operations and per-character
/// authorship. Not thread-safe: exactly one committer (the pad's authority) owns an instance.
/// </summary>
public sealed class PadDocument
{
    /// <summary>An empty document at revision 0.</summary>
    public PadDocument(PadDocumentOptions? options = null) => throw new NotImplementedException();

    /// <summary>Rebuilds a document from a snapshot (its log starts empty at the snapshot's revision).</summary>
    public static PadDocument FromSnapshot(PadSnapshot snapshot, PadDocumentOptions? options = null) => throw new NotImplementedException();

    /// <summary>Head revision: the number of committed operations.</summary>
    public int Revision => throw new NotImplementedException();

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => throw new NotImplementedException();

    /// <summary>The oldest base revision <see cref="Commit"/> still accepts.</summary>
    public int OldestBaseRevision => throw new NotImplementedException();

    /// <summary>The current text.</summary>
    public string GetText() => throw new NotImplementedException();

    /// <summary>
    /// Rebases <paramref name="operation"/> (made against <paramref name="baseRevision"/>) over every operation committed
    /// after it, one at a time with transform(incoming, committed), validates and applies it, and logs it.
    /// A (client id, seq) already committed returns the original revision and changes nothing.
    /// </summary>
    public CommitResult Commit(int baseRevision, TextOperation operation, string authorId, string clientId, long seq) => throw new NotImplementedException();

    /// <summary>Re-applies an operation already committed elsewhere (loading from the store); it must be at the head.</summary>
    public void Replay(CommittedOperation committed) => throw new NotImplementedException();

    /// <summary>Committed operations with a revision greater than <paramref name="fromRevision"/>, in order.</summary>
    public IReadOnlyList<CommittedOperation> GetHistory(int fromRevision) => throw new NotImplementedException();

    /// <summary>The original revision of an already-committed (client id, seq), when still in memory.</summary>
    public bool TryGetCommittedRevision(string clientId, long seq, out int revision) => throw new NotImplementedException();

    /// <summary>Authorship runs covering the text, in order.</summary>
    public IReadOnlyList<AuthorRun> GetAuthorship() => throw new NotImplementedException();

    /// <summary>Text, revision and authorship at the head.</summary>
    public PadSnapshot CreateSnapshot() => throw new NotImplementedException();
}
