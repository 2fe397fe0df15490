using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>A <see cref="GapBuffer"/> seen as <see cref="IReadOnlyText"/>, without copying.</summary>
internal readonly struct GapBufferText(GapBuffer buffer) : IReadOnlyText
{
    /// <inheritdoc />
    public int Length => buffer.Length;

    /// <inheritdoc />
    public char this[int index] => buffer[index];
}
