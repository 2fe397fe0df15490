namespace PadHub.Server.Feed;

/// <summary>How one poll went, as the schedule needs it.</summary>
/// <param name="Succeeded">The instance answered with posts (possibly none).</param>
/// <param name="NewPosts">How many posts were new.</param>
/// <param name="RateLimitRemaining">The <c>X-RateLimit-Remaining</c> header, if any.</param>
/// <param name="RateLimitReset">The <c>X-RateLimit-Reset</c> header, if any.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header as a point in time, if any.</param>
internal sealed record FeedPollOutcome(
    bool Succeeded,
    int NewPosts,
    int? RateLimitRemaining = null,
    DateTimeOffset? RateLimitReset = null,
    DateTimeOffset? RetryAfter = null);
