namespace PadHub.Core.Operations;

/// <summary>Size limits an operation must respect before it is applied to a pad.</summary>
/// <param name="MaxDocumentLength">Longest document (UTF-16 code units) an operation may produce.</param>
/// <param name="MaxInsertLength">Most code units one operation may insert in total (a large paste).</param>
/// <param name="MaxComponents">Most components one operation may have.</param>
public sealed record OperationLimits(int MaxDocumentLength, int MaxInsertLength, int MaxComponents)
{
    /// <summary>Defaults: 1,000,000 code units per pad, 262,144 inserted per operation, 10,000 components.</summary>
    public static OperationLimits Default { get; } = new(1_000_000, 262_144, 10_000);

    /// <summary>No limits (benchmarks, replays of already-validated history).</summary>
    public static OperationLimits None { get; } = new(int.MaxValue, int.MaxValue, int.MaxValue);
}
