namespace PadHub.Components.Contracts.Feed;

/// <summary>Where a session's feed stands.</summary>
public enum SocialFeedStatus
{
    /// <summary>The session has no hashtag and instance.</summary>
    Off,

    /// <summary>Configured, not yet answered.</summary>
    Connecting,

    /// <summary>The last poll succeeded.</summary>
    Live,

    /// <summary>The last poll failed (network, refused, error status); the next try is at <see cref="SocialFeedState.RetryAt"/>.</summary>
    Unreachable,
}
