using System.Globalization;
using System.Net.Http.Headers;

namespace PadHub.Server.Feed;

/// <summary>
/// When to poll a feed next: <see cref="SocialFeedOptions.PollInterval"/> after news, doubling up to
/// <see cref="SocialFeedOptions.QuietInterval"/> while nothing new comes, doubling up to
/// <see cref="SocialFeedOptions.MaxBackoff"/> after consecutive failures; never before the server's
/// <c>Retry-After</c>, nor before <c>X-RateLimit-Reset</c> once <c>X-RateLimit-Remaining</c> is spent. Pure: the poller
/// keeps the counters.
/// </summary>
internal static class FeedPollSchedule
{
    /// <summary>The pause before the next poll.</summary>
    /// <param name="quietPolls">Consecutive successful polls with nothing new, this one included.</param>
    /// <param name="failures">Consecutive failed polls, this one included.</param>
    public static TimeSpan NextDelay(FeedPollOutcome outcome, int quietPolls, int failures, DateTimeOffset now, SocialFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        var delay = outcome.Succeeded
            ? outcome.NewPosts > 0 ? options.PollInterval : Doubled(options.PollInterval, quietPolls, options.QuietInterval)
            : Doubled(options.PollInterval, failures, options.MaxBackoff);

        if (outcome.RetryAfter is { } retryAfter && retryAfter - now > delay)
        {
            delay = retryAfter - now;
        }

        if (outcome.RateLimitRemaining is <= 0 && outcome.RateLimitReset is { } reset && reset - now > delay)
        {
            delay = reset - now;
        }

        // A hostile or broken server cannot park a feed for days: the longest pause is the backoff's.
        return delay > options.MaxBackoff ? options.MaxBackoff : delay;
    }

    /// <summary><paramref name="interval"/> × 2^<paramref name="times"/>, at most <paramref name="max"/>.</summary>
    internal static TimeSpan Doubled(TimeSpan interval, int times, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(times, 0, 30));
        var ticks = interval.Ticks * factor;
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Reads the rate-limit headers (Mastodon's <c>X-RateLimit-*</c>, HTTP's <c>Retry-After</c>) into the outcome.</summary>
    public static FeedPollOutcome WithHeaders(FeedPollOutcome outcome, HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(headers);
        int? remaining = headers.TryGetValues("X-RateLimit-Remaining", out var r)
            && int.TryParse(r.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) ? left : null;
        DateTimeOffset? reset = headers.TryGetValues("X-RateLimit-Reset", out var s)
            && DateTimeOffset.TryParse(s.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        DateTimeOffset? retryAfter = headers.RetryAfter switch
        {
            { Delta: { } delta } => now + delta,
            { Date: { } date } => date,
            _ => null,
        };
        return outcome with { RateLimitRemaining = remaining, RateLimitReset = reset, RetryAfter = retryAfter };
    }
}
