namespace PadHub.Core.Diffs;

/// <summary>One span of a diff: <see cref="Length"/> code units kept, inserted (from the newer text) or deleted (from the older).</summary>
/// <param name="Kind">What the span does.</param>
/// <param name="Length">Code units (positive).</param>
public readonly record struct DiffSpan(DiffKind Kind, int Length);
