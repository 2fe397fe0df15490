namespace PadHub.Core.Operations;

/// <summary>
/// Composes a long run of consecutive operations into one (what they did together), in balanced pairs like a binary
/// counter: each operation takes part in about log2(count) compositions, so the work is O(components × log count)
/// instead of the O(count × result) of composing left to right, and it is bounded by <c>maxWork</c>.
/// </summary>
/// <remarks>
/// Invariants: the pending operations are consecutive (each one's base length is the previous one's target length),
/// their ranks strictly decrease from the bottom of the stack, and <see cref="Work"/> never exceeds the bound
/// (an <see cref="Append"/> that would pass it throws and leaves the chain unusable).
/// </remarks>
public sealed class OperationChain
{
    private readonly List<(TextOperation Operation, int Rank)> _pending = [];
    private readonly long _maxWork;
    private int _targetLength;

    /// <summary>A chain starting from a document of <paramref name="baseLength"/> code units.</summary>
    /// <param name="baseLength">The length of the document the first operation applies to.</param>
    /// <param name="maxWork">Most components the compositions may walk in all (each composition walks both operands).</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative argument.</exception>
    public OperationChain(int baseLength, long maxWork)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseLength);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWork);
        BaseLength = baseLength;
        _targetLength = baseLength;
        _maxWork = maxWork;
    }

    /// <summary>The length of the document the chain starts from.</summary>
    public int BaseLength { get; }

    /// <summary>The length of the document after every operation appended so far.</summary>
    public int TargetLength => _targetLength;

    /// <summary>Components walked by the compositions so far.</summary>
    public long Work { get; private set; }

    /// <summary>Appends the next operation.</summary>
    /// <exception cref="OperationLengthMismatchException">It does not apply to <see cref="TargetLength"/> code units.</exception>
    /// <exception cref="OperationTooLargeException">Composing it would pass the work bound.</exception>
    public void Append(TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.BaseLength != _targetLength)
        {
            throw new OperationLengthMismatchException(operation.BaseLength, _targetLength, "the next operation of a chain");
        }

        _targetLength = operation.TargetLength;
        _pending.Add((operation, 0));
        while (_pending.Count >= 2 && _pending[^1].Rank == _pending[^2].Rank)
        {
            var second = _pending[^1];
            var first = _pending[^2];
            _pending.RemoveRange(_pending.Count - 2, 2);
            _pending.Add((ComposeCounted(first.Operation, second.Operation), first.Rank + 1));
        }
    }

    /// <summary>One operation with the effect of every operation appended, in order (the identity when there was none).</summary>
    /// <exception cref="OperationTooLargeException">Composing the rest would pass the work bound.</exception>
    public TextOperation Compose()
    {
        if (_pending.Count == 0)
        {
            return TextOperation.Identity(BaseLength);
        }

        // Smallest first: the newest, lowest-ranked operations are the shortest.
        var result = _pending[^1].Operation;
        for (var i = _pending.Count - 2; i >= 0; i--)
        {
            result = ComposeCounted(_pending[i].Operation, result);
        }

        _pending.Clear();
        _pending.Add((result, int.MaxValue));
        return result;
    }

    private TextOperation ComposeCounted(TextOperation first, TextOperation second)
    {
        var work = Work + first.Count + second.Count;
        if (work > _maxWork)
        {
            throw new OperationTooLargeException("the components walked composing the operations", work, _maxWork);
        }

        Work = work;
        return TextOperation.Compose(first, second);
    }
}
