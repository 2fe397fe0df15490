using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>The outcome of <see cref="PadDocument.Commit"/>.</summary>
/// <param name="Applied">The operation as applied at the head (rebased over everything committed after its base).</param>
/// <param name="Revision">The revision the operation produced (the first committed operation makes revision 1).</param>
/// <param name="Duplicate">True when (client id, seq) was already committed: nothing changed and <paramref name="Revision"/> is the original one.</param>
public readonly record struct CommitResult(TextOperation Applied, int Revision, bool Duplicate);
