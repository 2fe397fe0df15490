namespace PadHub.Core.Operations;

/// <summary>A selection in a document: <see cref="Anchor"/> where it started, <see cref="Head"/> where the caret is.</summary>
/// <param name="Anchor">The fixed end.</param>
/// <param name="Head">The moving end (the caret).</param>
public readonly record struct TextSelection(int Anchor, int Head)
{
    /// <summary>A collapsed selection (a caret).</summary>
    public static TextSelection Caret(int position) => new(position, position);
}
