namespace PadHub.Core.Operations;

/// <summary>A string seen as <see cref="IReadOnlyText"/>.</summary>
/// <param name="Value">The text.</param>
public readonly record struct StringText(string Value) : IReadOnlyText
{
    /// <inheritdoc />
    public int Length => Value.Length;

    /// <inheritdoc />
    public char this[int index] => Value[index];
}
