using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;

namespace PadHub.Tests.Components.Sessions;

// The session views' one follow of a session: the newest state by version wins, older ones neither replace it nor render.
public sealed class LiveSessionFeedTests
{
    [Fact]
    public async Task StartAsync_NewerStateDeliveredBeforeTheSubscriptionReturns_KeepsIt()
    {
        // Arrange: the session publishes version 5 while WatchAsync is still returning a subscription at version 4.
        var workshops = new ScriptedWorkshops(current: State(4), deliveredDuringWatch: State(5));
        var renders = 0;

        // Act
        await using var feed = await LiveSessionFeed.StartAsync(workshops, "token", () => { renders++; return Task.CompletedTask; });

        // Assert
        Assert.Equal(5, feed.Current.Version);
        Assert.Equal(1, renders);
        Assert.Equal(SessionRole.Audience, feed.Access.Role);
    }

    [Fact]
    public async Task OnChanged_OlderOrSameVersion_IsIgnoredAndNewerRenders()
    {
        // Arrange
        var workshops = new ScriptedWorkshops(current: State(4));
        var renders = 0;
        await using var feed = await LiveSessionFeed.StartAsync(workshops, "token", () => { renders++; return Task.CompletedTask; });

        // Act
        await workshops.DeliverAsync(State(3));
        await workshops.DeliverAsync(State(4));
        var afterStale = (feed.Current.Version, renders);
        await workshops.DeliverAsync(State(6));

        // Assert
        Assert.Equal((4L, 0), afterStale);
        Assert.Equal(6, feed.Current.Version);
        Assert.Equal(1, renders);
    }

    private static SessionState State(long version) =>
        new("s1", version, "Session", null, SessionDefaults.Phases, new PhaseTimer(0, false, null, TimeSpan.FromMinutes(15)), false, false, [], []);

    private sealed class ScriptedWorkshops(SessionState current, SessionState? deliveredDuringWatch = null) : IWorkshopService
    {
        private Func<SessionState, ValueTask>? _onChanged;

        public async Task<ISessionSubscription> WatchAsync(string token, Func<SessionState, ValueTask> onChanged, CancellationToken cancellationToken = default)
        {
            _onChanged = onChanged;
            if (deliveredDuringWatch is not null)
            {
                await onChanged(deliveredDuringWatch);
            }

            return new Subscription(current);
        }

        public ValueTask DeliverAsync(SessionState state) => _onChanged!(state);

        public Task<SessionCreated> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SessionAccess?> ResolveAsync(string token, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SessionLinks> GetLinksAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task StartTimerAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task PauseTimerAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ExtendPhaseAsync(string moderatorToken, TimeSpan extension, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task NextPhaseAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task AnnounceAsync(string moderatorToken, string text, string? groupId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SetLockedAsync(string moderatorToken, bool locked, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SetRapporteurAsync(string moderatorToken, string groupId, string? rapporteur, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task SetSpotlightAsync(string moderatorToken, Spotlight? spotlight, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task EndSessionAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ReopenSessionAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SetFeedAsync(string moderatorToken, PadHub.Components.Contracts.Feed.SessionFeedSettings? feed, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<string> RegenerateLinkAsync(string moderatorToken, SessionLinkKind kind, string? groupId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        private sealed class Subscription(SessionState current) : ISessionSubscription
        {
            public SessionAccess Access { get; } = new("s1", SessionRole.Audience, null);

            public SessionState Current { get; } = current;

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
