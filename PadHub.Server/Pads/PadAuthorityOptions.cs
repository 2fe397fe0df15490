using System.ComponentModel.DataAnnotations;

namespace PadHub.Server.Pads;

/// <summary>Tuning of the pad authorities, bound from <c>PadHub:Authority</c>.</summary>
public sealed record PadAuthorityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PadHub:Authority";

    /// <summary>A snapshot is written every this many revisions (and when an idle pad unloads).</summary>
    [Range(1, 1_000_000)]
    public int SnapshotInterval { get; init; } = 500;

    /// <summary>A pad nobody used for this long is snapshotted and unloaded from memory.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most submissions committed in memory and written in one transaction (group commit).</summary>
    [Range(1, 10_000)]
    public int MaxBatch { get; init; } = 256;

    /// <summary>Most operations kept in memory per pad to rebase stale submissions over.</summary>
    [Range(16, 1_000_000)]
    public int RetainedHistory { get; init; } = 10_000;

    /// <summary>Events queued for one connection before it is told to resync instead of slowing the others.</summary>
    [Range(8, 1_000_000)]
    public int ConnectionQueueCapacity { get; init; } = 1_024;
}
