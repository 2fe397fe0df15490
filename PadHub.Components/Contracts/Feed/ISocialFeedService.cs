namespace PadHub.Components.Contracts.Feed;

/// <summary>
/// The sessions' social feeds, polled in the background only while a moderator's panel watches them. Refusals are
/// <see cref="Pads.PadException"/>s (<c>not-found</c> for an unknown or revoked token, <c>forbidden</c> for any link
/// but the moderator's).
/// </summary>
public interface ISocialFeedService
{
    /// <summary>
    /// Follows the session's feed live (moderator only): <paramref name="onChanged"/> is called in version order, never
    /// concurrently, latest-wins. Polling runs while at least one watch is open.
    /// </summary>
    Task<ISocialFeedSubscription> WatchAsync(string moderatorToken, Func<SocialFeedState, ValueTask> onChanged, CancellationToken cancellationToken = default);
}
