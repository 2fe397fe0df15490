using System.ComponentModel.DataAnnotations;

namespace PadHub.Server.Hosting;

/// <summary>PLACEHOLDER until the persistence branch lands its PadLimitsOptions (same shape).</summary>
public sealed record PadLimitsOptions
{
    public const string SectionName = "PadHub:Limits";

    [Range(1, int.MaxValue)]
    public int MaxPadLength { get; init; } = 1_000_000;

    [Range(1, int.MaxValue)]
    public int MaxOperationLength { get; init; } = 262_144;

    [Range(1, int.MaxValue)]
    public int MaxOperationComponents { get; init; } = 10_000;

    [Range(1, int.MaxValue)]
    public long MaxMessageBytes { get; init; } = 2 * 1024 * 1024;

    [Range(1, int.MaxValue)]
    public int SubmitsPerSecond { get; init; } = 40;

    [Range(1, int.MaxValue)]
    public int SubmitBurst { get; init; } = 200;
}
