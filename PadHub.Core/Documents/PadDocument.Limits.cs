using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

public sealed partial class PadDocument
{
    /// <summary>
    /// The checks that cost at most one pass over the operation's components and one over the revisions it would cross,
    /// made before the rebase (whose cost is their product).
    /// </summary>
    private void CheckBeforeRebase(int baseRevision, TextOperation operation)
    {
        var limits = _options.Limits;
        var components = operation.Components;
        if (components.Length > limits.MaxComponents)
        {
            throw new OperationTooLargeException("components in one operation", components.Length, limits.MaxComponents);
        }

        // Rebasing never changes what an operation inserts, so this total is final already.
        long inserted = 0;
        foreach (ref readonly var component in components)
        {
            if (component.IsInsert)
            {
                inserted += component.Length;
            }
        }

        if (inserted > limits.MaxInsertLength)
        {
            throw new OperationTooLargeException("code units inserted by one operation", inserted, limits.MaxInsertLength);
        }

        var lengthAtBase = baseRevision == _revision ? _text.Length : EntryAt(baseRevision + 1).Operation.BaseLength;
        if (operation.BaseLength != lengthAtBase)
        {
            throw new OperationLengthMismatchException(operation.BaseLength, lengthAtBase, $"the pad at revision {baseRevision}");
        }

        // Each step of the rebase walks both operations once (TransformLeft is linear in their components).
        long work = 0;
        for (var revision = baseRevision + 1; revision <= _revision; revision++)
        {
            work += components.Length + EntryAt(revision).Operation.Count;
            if (work > limits.MaxRebaseWork)
            {
                throw new RebaseBudgetExceededException(baseRevision, _revision, limits.MaxRebaseWork);
            }
        }
    }
}
