namespace PadHub.Components.Contracts.Feed;

/// <summary>A session's feed as the moderator's panel shows it. Immutable: each poll publishes a new one.</summary>
/// <param name="Version">Increases with every change.</param>
/// <param name="Settings">The hashtag and instance polled, or null (<see cref="SocialFeedStatus.Off"/>).</param>
/// <param name="Posts">Newest first, at most a few dozen.</param>
/// <param name="RetryAt">When an unreachable feed is tried again (server UTC), or null.</param>
public sealed record SocialFeedState(long Version, SocialFeedStatus Status, SessionFeedSettings? Settings, IReadOnlyList<SocialPost> Posts, DateTimeOffset? RetryAt = null)
{
    /// <summary>No feed.</summary>
    public static SocialFeedState Off { get; } = new(0, SocialFeedStatus.Off, null, []);
}
