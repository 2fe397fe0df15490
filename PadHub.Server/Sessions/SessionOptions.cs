using System.ComponentModel.DataAnnotations;

namespace PadHub.Server.Sessions;

/// <summary>Who may create sessions from the home page, and how long idle sessions stay in memory; bound from <c>PadHub:Sessions</c>.</summary>
public sealed record SessionOptions
{
    public const string SectionName = "PadHub:Sessions";

    /// <summary>
    /// True: anyone may create sessions from the home page, at most <see cref="MaxCreationsPerClient"/> per client address
    /// per <see cref="CreationWindow"/>. False: the form asks for the organiser key (<c>PadHub:ApiKey</c>). Unset: open
    /// without a limit in Development, keyed elsewhere.
    /// </summary>
    public bool? OpenCreation { get; init; }

    /// <summary>Sessions one client address may create from the home page per <see cref="CreationWindow"/> (open creation; also wrong keys).</summary>
    [Range(1, 100_000)]
    public int MaxCreationsPerClient { get; init; } = 5;

    /// <summary>The window of <see cref="MaxCreationsPerClient"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CreationWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A session nobody used for this long (no open page, no pad connection of its links) is dropped from memory; it reloads on next use.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
