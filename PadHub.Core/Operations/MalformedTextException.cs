namespace PadHub.Core.Operations;

/// <summary>Inserted text is not well-formed UTF-16 (a lone surrogate).</summary>
public sealed class MalformedTextException(int offset)
    : OtException($"Inserted text has a lone surrogate at offset {offset} of the insert.")
{
    /// <summary>Offset of the lone surrogate inside the inserted text.</summary>
    public int Offset { get; } = offset;
}
