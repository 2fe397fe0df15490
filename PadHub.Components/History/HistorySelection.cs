namespace PadHub.Components.History;

/// <summary>A selection in a revision's shown text: [<paramref name="From"/>, <paramref name="To"/>) in UTF-16 code units of it.</summary>
/// <param name="Revision">The revision whose text was selected.</param>
/// <param name="From">Start offset.</param>
/// <param name="To">End offset (exclusive).</param>
public sealed record HistorySelection(int Revision, int From, int To);
