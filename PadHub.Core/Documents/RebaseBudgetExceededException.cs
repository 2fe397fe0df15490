using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

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
