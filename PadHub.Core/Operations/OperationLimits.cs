namespace PadHub.Core.Operations;

/// <summary>Size limits an operation must respect before it is applied to a pad.</summary>
/// <param name="MaxDocumentLength">Longest document (UTF-16 code units) an operation may produce.</param>
/// <param name="MaxInsertLength">Most code units one operation may insert in total (a large paste).</param>
/// <param name="MaxComponents">Most components one operation may have.</param>
/// <param name="MaxRebaseWork">
/// Most work one submission may cost to rebase: the sum, over every revision it crosses, of its own components plus
/// that revision's components (what <see cref="TextOperation.TransformLeft"/> walks). A small edit crosses thousands of
/// revisions within the default; a 10,000-component operation crosses about 100.
/// </param>
public sealed record OperationLimits(int MaxDocumentLength, int MaxInsertLength, int MaxComponents, long MaxRebaseWork = OperationLimits.DefaultMaxRebaseWork)
{
    /// <summary>The default of <see cref="MaxRebaseWork"/>.</summary>
    public const long DefaultMaxRebaseWork = 1_000_000;

    /// <summary>Defaults: 1,000,000 code units per pad, 262,144 inserted per operation, 10,000 components, 1,000,000 rebase steps.</summary>
    public static OperationLimits Default { get; } = new(1_000_000, 262_144, 10_000);

    /// <summary>No limits (benchmarks, replays of already-validated history).</summary>
    public static OperationLimits None { get; } = new(int.MaxValue, int.MaxValue, int.MaxValue, long.MaxValue);
}
