using System.ComponentModel.DataAnnotations;

namespace PadHub.Server.Pads.Watch;

/// <summary>Tuning of the live views' pad mirrors, bound from <c>PadHub:Watch</c>.</summary>
public sealed record PadWatchOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PadHub:Watch";

    /// <summary>A mirror publishes a new snapshot (and notifies its watchers) at most once per this interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan NotifyInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>An author counts as typing for this long after their last committed edit.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan TypingWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A mirror nobody watches any more is kept this long (a view reconnecting or paging finds it warm).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MirrorLinger { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a token in use by watches is resolved again, so a revoked one stops delivering even when its revocation
    /// changes nothing in the session's state (pad links have no session state at all).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AccessRecheckInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait before loading a mirror again after its pad could not be read.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan ReloadRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
