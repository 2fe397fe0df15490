namespace PadHub.Benchmarks.Traces;

/// <summary>One splice of a trace: delete <see cref="DeleteCount"/> code units at <see cref="Position"/>, then insert <see cref="Insert"/> there.</summary>
/// <param name="Position">Offset in the document as it is before this patch.</param>
/// <param name="DeleteCount">Code units deleted at the offset.</param>
/// <param name="Insert">Text inserted at the offset (may be empty).</param>
public readonly record struct TracePatch(int Position, int DeleteCount, string Insert);
