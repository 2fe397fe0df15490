using System.ComponentModel.DataAnnotations;

namespace PadHub.Server.Pads.Authority;

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

    /// <summary>
    /// Fan a batch out as soon as it is written (it survives a crash of this process), while the fsync that makes it
    /// durable against a power cut runs in the background; each submitter is acknowledged only once its batch is
    /// durable. With false, a batch is fanned out and acknowledged together, after the fsync. Only stores that can
    /// split writing from syncing (SQLite with synchronous=FULL) differ; see docs/ARCHITECTURE.md.
    /// </summary>
    public bool FanOutBeforeDurable { get; init; } = true;

    /// <summary>
    /// Presence is published at most once per this interval per pad (the first change after a quiet interval at once,
    /// later ones together at its end), so many people joining at once do not storm every member with lists.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan PresenceInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A busy connection gets at most about one write per this interval: after each write, a connection's events
    /// gather until the next tick of a shared clock (at most one interval) and go out together (one frame, one send).
    /// A connection with nothing queued at the tick is written at once when its next event comes, so a lone typist's
    /// keystroke is never held back; a pad with hundreds of typists costs each connection about one write per interval
    /// instead of one per commit. Zero turns pacing off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan DeliveryInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// A crowded pad's pacing stretches so that its connections together get about this many writes a second: its
    /// interval is the larger of <see cref="DeliveryInterval"/> and (connections / this), at most 100 ms. With the
    /// default, a pad stays at 5 ms up to 50 connections; 450 connections get a write every 45 ms each.
    /// </summary>
    [Range(100, 10_000_000)]
    public int PadWritesPerSecond { get; init; } = 10_000;

    /// <summary>
    /// Events queued for one connection before it is told to resync instead of slowing the others (a committed batch of
    /// operations counts as one event).
    /// </summary>
    [Range(8, 1_000_000)]
    public int ConnectionQueueCapacity { get; init; } = 1_024;
}
