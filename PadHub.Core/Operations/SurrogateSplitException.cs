namespace PadHub.Core.Operations;

/// <summary>The operation would split a surrogate pair of the document it applies to.</summary>
public sealed class SurrogateSplitException(int position)
    : OtException($"The operation splits a surrogate pair at offset {position}: offsets count UTF-16 code units and may not fall inside a pair.")
{
    /// <summary>The offending offset in the base document.</summary>
    public int Position { get; } = position;
}
