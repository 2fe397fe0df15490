namespace PadHub.Core.Operations;

/// <summary>
/// A passage [<see cref="From"/>, <see cref="To"/>) of a document in UTF-16 code units that follows the document's edits
/// (a comment's anchor). <see cref="Transform"/> moves it through an operation: an insert exactly at <see cref="From"/>
/// lands before the passage, one exactly at <see cref="To"/> after it, one strictly inside it becomes part of it; deleted
/// code units leave it. When every code unit of the passage is deleted the anchor collapses to one position (the
/// deleted range's place) with <see cref="OnDeletedText"/> set, and stays so: from then on it moves like a caret
/// (<see cref="TextOperation.TransformCaret"/>), never lost.
/// </summary>
/// <param name="From">The passage's first code unit; 0 to the document's length.</param>
/// <param name="To">Past the passage's last code unit; above <paramref name="From"/>, or equal to it when on deleted text.</param>
/// <param name="OnDeletedText">The passage was deleted entirely; <paramref name="From"/> = <paramref name="To"/> is where it was.</param>
public readonly record struct TextAnchor(int From, int To, bool OnDeletedText = false)
{
    /// <summary>
    /// A live passage, checked against a document of <paramref name="documentLength"/> code units: 0 &lt;= from &lt; to &lt;= length.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The passage is empty or outside the document.</exception>
    public static TextAnchor Passage(int from, int to, int documentLength)
    {
        if (from < 0 || to > documentLength || from >= to)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"[{from}, {to}) is not a non-empty passage of a {documentLength}-code-unit text.");
        }

        return new TextAnchor(from, to);
    }

    /// <summary>This anchor after <paramref name="operation"/> (made against the document the anchor is in).</summary>
    public TextAnchor Transform(TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (OnDeletedText)
        {
            var at = operation.TransformCaret(From);
            return new TextAnchor(at, at, OnDeletedText: true);
        }

        var from = operation.TransformPosition(From, insertAtPositionGoesBefore: true);
        var to = operation.TransformPosition(To, insertAtPositionGoesBefore: false);

        // Nothing of the passage survived and nothing was inserted strictly inside it: the two ends met where it was.
        return from < to ? new TextAnchor(from, to) : new TextAnchor(from, from, OnDeletedText: true);
    }
}
