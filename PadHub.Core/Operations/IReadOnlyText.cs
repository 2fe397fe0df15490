namespace PadHub.Core.Operations;

/// <summary>Random access to a document's UTF-16 code units, so validation works on any text storage without copying.</summary>
public interface IReadOnlyText
{
    /// <summary>Length in UTF-16 code units.</summary>
    int Length { get; }

    /// <summary>The code unit at <paramref name="index"/>.</summary>
    char this[int index] { get; }
}

/// <summary>A string seen as <see cref="IReadOnlyText"/>.</summary>
/// <param name="Value">The text.</param>
public readonly record struct StringText(string Value) : IReadOnlyText
{
    /// <inheritdoc />
    public int Length => Value.Length;

    /// <inheritdoc />
    public char this[int index] => Value[index];
}
