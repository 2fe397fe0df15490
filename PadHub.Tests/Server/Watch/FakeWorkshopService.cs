using PadHub.Components.Pads;
using PadHub.Components.Sessions;

namespace PadHub.Tests.Server.Watch;

/// <summary>
/// The session side of the watch service's tests: tokens and session states set by hand, live state subscriptions, and
/// revocation with or without a new state. Facilitation is not part of it.
/// </summary>
internal sealed class FakeWorkshopService : IWorkshopService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SessionAccess> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionState> _states = new(StringComparer.Ordinal);
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>Live state subscriptions now.</summary>
    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Adds a session whose groups use <paramref name="padIds"/> (group ids "g1", "g2"...).</summary>
    public void AddSession(string sessionId, params string[] padIds)
    {
        var groups = padIds.Select((padId, i) => new SessionGroup($"g{i + 1}", i + 1, $"Group {i + 1}", "Topic", [], padId)).ToArray();
        lock (_gate)
        {
            _states[sessionId] = new SessionState(sessionId, 1, "Session " + sessionId, null, SessionDefaults.Phases,
                new PhaseTimer(0, false, null, TimeSpan.FromMinutes(15)), false, false, groups, []);
        }
    }

    public void AddToken(string token, SessionAccess access)
    {
        lock (_gate)
        {
            _tokens[token] = access;
        }
    }

    /// <summary>Revokes a token; with <paramref name="publishState"/> its session also publishes a new state version.</summary>
    public async Task RevokeAsync(string token, bool publishState)
    {
        Subscription[] toNotify;
        SessionState state;
        lock (_gate)
        {
            var access = _tokens[token];
            _tokens.Remove(token);
            if (!publishState)
            {
                return;
            }

            state = _states[access.SessionId] = _states[access.SessionId] with { Version = _states[access.SessionId].Version + 1 };
            toNotify = [.. _subscriptions.Where(s => s.Access.SessionId == access.SessionId)];
        }

        foreach (var subscription in toNotify)
        {
            await subscription.DeliverAsync(state);
        }
    }

    public Task<SessionAccess?> ResolveAsync(string token, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_tokens.GetValueOrDefault(token));
        }
    }

    public Task<ISessionSubscription> WatchAsync(string token, Func<SessionState, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(token, out var access))
            {
                throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");
            }

            var subscription = new Subscription(this, access, _states[access.SessionId], onChanged);
            _subscriptions.Add(subscription);
            return Task.FromResult<ISessionSubscription>(subscription);
        }
    }

    public Task<SessionCreated> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SessionLinks> GetLinksAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task StartTimerAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task PauseTimerAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task ExtendPhaseAsync(string moderatorToken, TimeSpan extension, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task NextPhaseAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task AnnounceAsync(string moderatorToken, string text, string? groupId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task SetLockedAsync(string moderatorToken, bool locked, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> RegenerateLinkAsync(string moderatorToken, SessionLinkKind kind, string? groupId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    private sealed class Subscription(FakeWorkshopService owner, SessionAccess access, SessionState state, Func<SessionState, ValueTask> onChanged) : ISessionSubscription
    {
        public SessionAccess Access { get; } = access;

        public SessionState Current { get; private set; } = state;

        public async Task DeliverAsync(SessionState next)
        {
            Current = next;
            await onChanged(next);
        }

        public ValueTask DisposeAsync()
        {
            lock (owner._gate)
            {
                owner._subscriptions.Remove(this);
            }

            return ValueTask.CompletedTask;
        }
    }
}
