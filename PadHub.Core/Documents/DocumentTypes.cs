using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>The outcome of <see cref="PadDocument.Commit"/>.</summary>
/// <param name="Applied">The operation as applied at the head (rebased over everything committed after its base).</param>
/// <param name="Revision">The revision the operation produced (the first committed operation makes revision 1).</param>
/// <param name="Duplicate">True when (client id, seq) was already committed: nothing changed and <paramref name="Revision"/> is the original one.</param>
public readonly record struct CommitResult(TextOperation Applied, int Revision, bool Duplicate);

/// <summary>One entry of the committed log.</summary>
/// <param name="Revision">The revision this operation produced.</param>
/// <param name="Operation">The operation as applied (against revision <c>Revision - 1</c>).</param>
/// <param name="AuthorId">Who wrote it.</param>
/// <param name="ClientId">The client (browser tab, bot connection) that sent it.</param>
/// <param name="Seq">The client's sequence number for it.</param>
public readonly record struct CommittedOperation(int Revision, TextOperation Operation, string AuthorId, string ClientId, long Seq);

/// <summary>A run of consecutive characters written by one author.</summary>
/// <param name="AuthorId">The author.</param>
/// <param name="Length">Code units in the run (positive).</param>
public readonly record struct AuthorRun(string AuthorId, int Length);

/// <summary>Everything needed to rebuild a document at a revision without its log.</summary>
/// <param name="Revision">The revision the snapshot captures.</param>
/// <param name="Text">The text at that revision.</param>
/// <param name="Authorship">Authorship runs covering the text exactly, in order.</param>
public sealed record PadSnapshot(int Revision, string Text, IReadOnlyList<AuthorRun> Authorship);

/// <summary>Tuning of a <see cref="PadDocument"/>.</summary>
/// <param name="Limits">Size limits every committed operation must respect.</param>
/// <param name="RetainedHistory">How many of the latest operations stay in memory to rebase stale submissions over.</param>
public sealed record PadDocumentOptions(OperationLimits Limits, int RetainedHistory)
{
    /// <summary>Default limits and 10,000 retained operations.</summary>
    public static PadDocumentOptions Default { get; } = new(OperationLimits.Default, 10_000);
}

/// <summary>The base revision is newer than the document's head: the client claims to have seen revisions that do not exist.</summary>
public sealed class RevisionAheadException(int baseRevision, int head)
    : OtException($"Base revision {baseRevision} is ahead of the head revision {head}.")
{
    /// <summary>The revision the client based its operation on.</summary>
    public int BaseRevision { get; } = baseRevision;

    /// <summary>The document's head revision.</summary>
    public int Head { get; } = head;
}

/// <summary>The base revision is older than the retained history: the client must resync from a snapshot.</summary>
public sealed class RevisionTooOldException(int baseRevision, int oldest)
    : OtException($"Base revision {baseRevision} is older than the retained history, which starts at revision {oldest}: resync from a snapshot.")
{
    /// <summary>The revision the client based its operation on.</summary>
    public int BaseRevision { get; } = baseRevision;

    /// <summary>The oldest base revision still accepted.</summary>
    public int Oldest { get; } = oldest;
}

/// <summary>
/// A (client id, seq) at or below the client's last committed seq that is no longer in the retained history, so its
/// original revision cannot be told from memory (the host looks it up in its store).
/// </summary>
public sealed class SequenceTooOldException(string clientId, long seq, long lastSeq)
    : OtException($"Client {clientId} already committed up to seq {lastSeq}; seq {seq} is older than the retained history.")
{
    /// <summary>The client.</summary>
    public string ClientId { get; } = clientId;

    /// <summary>The resubmitted seq.</summary>
    public long Seq { get; } = seq;

    /// <summary>The client's last committed seq.</summary>
    public long LastSeq { get; } = lastSeq;
}

/// <summary>
/// Rebasing the operation over the revisions committed since its base would cost more than
/// <see cref="OperationLimits.MaxRebaseWork"/>: the client must catch up (fetch the history, rebase locally) and resend.
/// </summary>
public sealed class RebaseBudgetExceededException(int baseRevision, int head, long budget)
    : OtException($"Base revision {baseRevision} is too far behind the head revision {head} for an operation of this size: rebasing it would cost more than {budget} component steps. Fetch the history, rebase locally and resend (same seq).")
{
    /// <summary>The revision the client based its operation on.</summary>
    public int BaseRevision { get; } = baseRevision;

    /// <summary>The document's head revision.</summary>
    public int Head { get; } = head;

    /// <summary>The configured budget (<see cref="OperationLimits.MaxRebaseWork"/>).</summary>
    public long Budget { get; } = budget;
}
