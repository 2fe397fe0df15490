using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>Tuning of a <see cref="PadDocument"/>.</summary>
/// <param name="Limits">Size limits every committed operation must respect.</param>
/// <param name="RetainedHistory">How many of the latest operations stay in memory to rebase stale submissions over.</param>
public sealed record PadDocumentOptions(OperationLimits Limits, int RetainedHistory)
{
    /// <summary>Default limits and 10,000 retained operations.</summary>
    public static PadDocumentOptions Default { get; } = new(OperationLimits.Default, 10_000);
}
