using System.Net;
using PadHub.Server.Feed;

namespace PadHub.Tests.Server.Feed;

public sealed class FeedPollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly SocialFeedOptions Options = new()
    {
        PollInterval = TimeSpan.FromSeconds(30),
        QuietInterval = TimeSpan.FromMinutes(2),
        MaxBackoff = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public void NextDelay_NewPosts_PollsAgainAfterTheInterval() =>
        Assert.Equal(TimeSpan.FromSeconds(30), FeedPollSchedule.NextDelay(new FeedPollOutcome(true, 3), 0, 0, Now, Options));

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(3, 120)]
    [InlineData(50, 120)]
    public void NextDelay_NothingNew_DoublesUpToTheQuietInterval(int quietPolls, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), FeedPollSchedule.NextDelay(new FeedPollOutcome(true, 0), quietPolls, 0, Now, Options));

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(4, 480)]
    [InlineData(5, 600)]
    [InlineData(1000, 600)]
    public void NextDelay_Failures_BackOffExponentiallyUpToTheMaximum(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), FeedPollSchedule.NextDelay(new FeedPollOutcome(false, 0), 0, failures, Now, Options));

    [Fact]
    public void NextDelay_RateLimitSpent_WaitsForTheReset()
    {
        var outcome = new FeedPollOutcome(true, 2, RateLimitRemaining: 0, RateLimitReset: Now.AddMinutes(4));
        Assert.Equal(TimeSpan.FromMinutes(4), FeedPollSchedule.NextDelay(outcome, 0, 0, Now, Options));
    }

    [Fact]
    public void NextDelay_RateLimitLeft_IgnoresTheReset()
    {
        var outcome = new FeedPollOutcome(true, 2, RateLimitRemaining: 12, RateLimitReset: Now.AddMinutes(4));
        Assert.Equal(TimeSpan.FromSeconds(30), FeedPollSchedule.NextDelay(outcome, 0, 0, Now, Options));
    }

    [Fact]
    public void NextDelay_RetryAfterBeyondBackoff_WaitsForIt()
    {
        var outcome = new FeedPollOutcome(false, 0, RetryAfter: Now.AddMinutes(7));
        Assert.Equal(TimeSpan.FromMinutes(7), FeedPollSchedule.NextDelay(outcome, 0, 1, Now, Options));
    }

    [Fact]
    public void NextDelay_HostileRetryAfter_IsCappedAtTheMaximumBackoff()
    {
        var outcome = new FeedPollOutcome(false, 0, RetryAfter: Now.AddDays(30));
        Assert.Equal(Options.MaxBackoff, FeedPollSchedule.NextDelay(outcome, 0, 1, Now, Options));
    }

    [Fact]
    public void WithHeaders_MastodonRateLimitAndRetryAfterSeconds_AreRead()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "0");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "2026-12-03T12:05:00.000Z");
        response.Headers.TryAddWithoutValidation("Retry-After", "90");

        var outcome = FeedPollSchedule.WithHeaders(new FeedPollOutcome(false, 0), response.Headers, Now);

        Assert.Equal(0, outcome.RateLimitRemaining);
        Assert.Equal(Now.AddMinutes(5), outcome.RateLimitReset);
        Assert.Equal(Now.AddSeconds(90), outcome.RetryAfter);
    }

    [Fact]
    public void WithHeaders_RetryAfterDateAndGarbage_DateReadGarbageIgnored()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "lots");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "soon");
        response.Headers.TryAddWithoutValidation("Retry-After", "Thu, 03 Dec 2026 12:10:00 GMT");

        var outcome = FeedPollSchedule.WithHeaders(new FeedPollOutcome(false, 0), response.Headers, Now);

        Assert.Null(outcome.RateLimitRemaining);
        Assert.Null(outcome.RateLimitReset);
        Assert.Equal(Now.AddMinutes(10), outcome.RetryAfter);
    }
}
