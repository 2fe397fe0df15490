using PadHub.Components.Contracts.Feed;

namespace PadHub.Server.Feed;

/// <summary>One poll's result: the posts (newest first) when it succeeded, and what the schedule needs.</summary>
/// <param name="Error">Why it failed (for the log, never shown with any secret), or null.</param>
internal sealed record FeedFetch(IReadOnlyList<SocialPost> Posts, FeedPollOutcome Outcome, string? Error = null);
