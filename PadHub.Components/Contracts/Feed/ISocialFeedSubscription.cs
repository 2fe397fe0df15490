namespace PadHub.Components.Contracts.Feed;

/// <summary>A live view of a session's feed. Dispose to stop (the last one stops the polling).</summary>
public interface ISocialFeedSubscription : IAsyncDisposable
{
    /// <summary>The state when subscribed, then the latest one delivered.</summary>
    SocialFeedState Current { get; }
}
