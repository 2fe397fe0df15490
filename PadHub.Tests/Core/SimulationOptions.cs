using PadHub.Core.Documents;

namespace PadHub.Tests.Core;

/// <summary>Knobs of one simulation run; every random choice derives from <see cref="Seed"/>.</summary>
internal sealed record SimulationOptions(int Seed, int Clients, int TargetEdits)
{
    /// <summary>The document's options; a small retained history forces store fallbacks and too-old rejections.</summary>
    public PadDocumentOptions Document { get; init; } = PadDocumentOptions.Default;

    /// <summary>Mean simulated microseconds between two local edits of one client.</summary>
    public int MeanEditIntervalMicros { get; init; } = 20_000;

    /// <summary>Largest one-way delay of a message, in microseconds (each link also gets its own base delay).</summary>
    public int MaxLinkDelayMicros { get; init; } = 80_000;

    /// <summary>Mean microseconds a connection stays up before it drops.</summary>
    public int MeanConnectedMicros { get; init; } = 1_500_000;

    /// <summary>Longest time a client stays offline.</summary>
    public int MaxOfflineMicros { get; init; } = 400_000;

    /// <summary>Probability that a synchronized client rejoins from a snapshot rather than from history.</summary>
    public double SnapshotRejoinProbability { get; init; } = 0.3;

    /// <summary>Probability that a local edit is a multi-component operation rather than a single edit.</summary>
    public double MultiEditProbability { get; init; } = 0.1;
}
