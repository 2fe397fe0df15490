using PadHub.Components.Contracts.Feed;

namespace PadHub.Tests.Fakes;

/// <summary>A social feed that is never configured: every watch stays <see cref="SocialFeedState.Off"/>.</summary>
internal sealed class FakeSocialFeedService : ISocialFeedService
{
    public Task<ISocialFeedSubscription> WatchAsync(string moderatorToken, Func<SocialFeedState, ValueTask> onChanged, CancellationToken cancellationToken = default) =>
        Task.FromResult<ISocialFeedSubscription>(new Subscription());

    private sealed class Subscription : ISocialFeedSubscription
    {
        public SocialFeedState Current => SocialFeedState.Off;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
