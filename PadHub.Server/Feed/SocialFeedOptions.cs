using System.ComponentModel.DataAnnotations;

namespace PadHub.Server.Feed;

/// <summary><c>PadHub:SocialFeed</c>: how sessions' Mastodon feeds are polled.</summary>
public sealed record SocialFeedOptions
{
    public const string SectionName = "PadHub:SocialFeed";

    /// <summary>
    /// Tests only: every instance is reached at this address instead of <c>https://{instance}</c> (any scheme, loopback
    /// allowed). Unset in production, where only https and public addresses are reached.
    /// </summary>
    public Uri? BaseAddressOverride { get; init; }

    /// <summary>The pause after a poll that brought new posts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause between polls while nothing new comes (the pause doubles up to it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QuietInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest pause after failures (the pause doubles from <see cref="PollInterval"/> up to it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>One request's timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The posts kept per session (newest first).</summary>
    [Range(1, 200)]
    public int MaxPosts { get; init; } = 40;
}
