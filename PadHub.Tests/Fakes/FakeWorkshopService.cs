using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Tests.Fakes;

/// <summary>
/// An in-memory stand-in for the host's workshop service, shared by the bUnit tests and the watch service's tests.
/// Built with a clock it holds one session, "session-1" (<see cref="State"/>), whose well-known tokens
/// (<see cref="ModeratorToken"/>, <see cref="AudienceToken"/>, <see cref="ResultsToken"/>, "note-token-N" for group gN) resolve; built without, it
/// holds nothing until <see cref="AddSession"/> and <see cref="AddToken"/>. Moderator actions are recorded in
/// <see cref="Calls"/>; <see cref="Publish"/> and <see cref="RevokeAsync"/> push new states to the session's watchers, and
/// so do the outputs' actions (rapporteur, spotlight, end, reopen), which change the state as the real service does.
/// </summary>
internal sealed class FakeWorkshopService : IWorkshopService
{
    public const string ModeratorToken = "mod-token";
    public const string AudienceToken = "aud-token";
    public const string NoteTakerToken = "note-token-1";
    public const string ResultsToken = "res-token";

    private const string NoteTakerTokenPrefix = "note-token-";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SessionAccess> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionState> _states = new(StringComparer.Ordinal);
    private readonly List<Subscription> _subscriptions = [];
    private readonly string? _sessionId;

    /// <summary>An empty fake: sessions and tokens come from <see cref="AddSession"/> and <see cref="AddToken"/>.</summary>
    public FakeWorkshopService()
    {
    }

    /// <summary>One session, "session-1", with <paramref name="groups"/> groups and its phase timer running at <paramref name="now"/>.</summary>
    public FakeWorkshopService(DateTimeOffset now, int groups = 3)
    {
        _sessionId = "session-1";
        _states[_sessionId] = new SessionState(
            _sessionId, 1, "IGF 2018 WS #42", "A workshop", SessionDefaults.Phases,
            new PhaseTimer(1, true, now.AddMinutes(12).AddSeconds(5), TimeSpan.Zero),
            Locked: false, AudienceCanEdit: false,
            [.. Enumerable.Range(1, groups).Select(n => new SessionGroup($"g{n}", n, $"Group {n}", $"Topic {n}", [$"Animator {n}"], $"pad-{n}"))],
            []);
    }

    /// <summary>The state of the session built by the clock constructor.</summary>
    public SessionState State
    {
        get
        {
            lock (_gate)
            {
                return _states[SessionId];
            }
        }
    }

    public List<string> Calls { get; } = [];

    public CreateSessionRequest? LastCreateRequest { get; private set; }

    /// <summary>Thrown by <see cref="CreateSessionAsync"/> when set.</summary>
    public Exception? CreateFailure { get; set; }

    public SessionLinks Links
    {
        get
        {
            var state = State;
            return new(state.SessionId, state.Title, ModeratorToken, AudienceToken,
                [.. state.Groups.Select(g => new GroupLinks(g.GroupId, g.Name, g.PadId, $"{NoteTakerTokenPrefix}{g.Number}"))], ResultsToken);
        }
    }

    public int Regenerations { get; private set; }

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

    private string SessionId => _sessionId ?? throw new InvalidOperationException("This fake was built without a session of its own.");

    /// <summary>Forgets <see cref="LastCreateRequest"/>, to see whether another creation happens.</summary>
    public void ResetLastCreateRequest() => LastCreateRequest = null;

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

    /// <summary>One more token the fake accepts (it wins over a well-known token of the same name).</summary>
    public void AddToken(string token, SessionAccess access)
    {
        lock (_gate)
        {
            _tokens[token] = access;
        }
    }

    /// <summary>
    /// Replaces the session's state with <paramref name="state"/> at the next version and hands it to every watcher of
    /// the session, without waiting for them.
    /// </summary>
    public void Publish(SessionState state)
    {
        SessionState next;
        Subscription[] toNotify;
        lock (_gate)
        {
            next = _states[SessionId] = state with { Version = _states[SessionId].Version + 1 };
            toNotify = [.. _subscriptions.Where(s => s.Access.SessionId == SessionId)];
        }

        foreach (var subscription in toNotify)
        {
            _ = subscription.DeliverAsync(next).AsTask();
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

    public SessionAccess? Access(string token)
    {
        lock (_gate)
        {
            if (_tokens.TryGetValue(token, out var added))
            {
                return added;
            }
        }

        return _sessionId is not { } sessionId ? null : token switch
        {
            ModeratorToken => new(sessionId, SessionRole.Moderator, null),
            AudienceToken => new(sessionId, SessionRole.Audience, null),
            ResultsToken => new(sessionId, SessionRole.Results, null),
            _ when token.StartsWith(NoteTakerTokenPrefix, StringComparison.Ordinal) =>
                new(sessionId, SessionRole.NoteTaker, "g" + token[NoteTakerTokenPrefix.Length..]),
            _ => null,
        };
    }

    public Task<SessionCreated> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default)
    {
        LastCreateRequest = request;
        if (CreateFailure is { } failure)
        {
            throw failure;
        }

        return Task.FromResult(new SessionCreated("session-2", request.Title, "new-mod", "new-aud",
            [.. request.Groups.Select((g, i) => new GroupLinks($"n{i + 1}", g.Name, $"newpad-{i + 1}", $"new-note-{i + 1}"))], "new-res"));
    }

    public Task<SessionAccess?> ResolveAsync(string token, CancellationToken cancellationToken = default) => Task.FromResult(Access(token));

    public Task<ISessionSubscription> WatchAsync(string token, Func<SessionState, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        var access = Access(token) ?? throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");
        lock (_gate)
        {
            var subscription = new Subscription(this, access, _states[access.SessionId], onChanged);
            _subscriptions.Add(subscription);
            return Task.FromResult<ISessionSubscription>(subscription);
        }
    }

    public Task<SessionLinks> GetLinksAsync(string moderatorToken, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        return Task.FromResult(Links);
    }

    public Task StartTimerAsync(string moderatorToken, CancellationToken cancellationToken = default) => Record(moderatorToken, "start");

    public Task PauseTimerAsync(string moderatorToken, CancellationToken cancellationToken = default) => Record(moderatorToken, "pause");

    public Task ExtendPhaseAsync(string moderatorToken, TimeSpan extension, CancellationToken cancellationToken = default) =>
        Record(moderatorToken, $"extend {extension.TotalMinutes}");

    public Task NextPhaseAsync(string moderatorToken, CancellationToken cancellationToken = default) => Record(moderatorToken, "next");

    public Task AnnounceAsync(string moderatorToken, string text, string? groupId, CancellationToken cancellationToken = default) =>
        Record(moderatorToken, $"announce {groupId ?? "all"}: {text}");

    public Task SetLockedAsync(string moderatorToken, bool locked, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        Calls.Add(locked ? "lock" : "unlock");
        Publish(State with { Locked = locked });
        return Task.CompletedTask;
    }

    public Task SetAudienceCanCommentAsync(string moderatorToken, bool audienceCanComment, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        Calls.Add(audienceCanComment ? "comments on" : "comments off");
        Publish(State with { AudienceCanComment = audienceCanComment });
        return Task.CompletedTask;
    }

    public Task SetRapporteurAsync(string moderatorToken, string groupId, string? rapporteur, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        var clean = string.IsNullOrWhiteSpace(rapporteur) ? null : rapporteur.Trim();
        Calls.Add($"rapporteur {groupId}: {clean}");
        Publish(State with { Groups = [.. State.Groups.Select(g => g.GroupId == groupId ? g with { Rapporteur = clean } : g)] });
        return Task.CompletedTask;
    }

    public Task SetSpotlightAsync(string moderatorToken, Spotlight? spotlight, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        Calls.Add(spotlight is null ? "spotlight clear" : $"spotlight {spotlight.GroupId}: {spotlight.Conclusion}");
        Publish(State with { Spotlight = spotlight });
        return Task.CompletedTask;
    }

    public Task SetFeedAsync(string moderatorToken, SessionFeedSettings? feed, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        Calls.Add(feed is null ? "feed clear" : $"feed #{feed.Hashtag} on {feed.Instance}");
        Publish(State with { Feed = feed });
        return Task.CompletedTask;
    }

    /// <summary>The time <see cref="EndSessionAsync"/> records as the end.</summary>
    public DateTimeOffset EndedAt { get; set; } = new(2026, 12, 3, 16, 0, 0, TimeSpan.Zero);

    public Task EndSessionAsync(string moderatorToken, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        Calls.Add("end");
        var state = State;
        if (state.Ended is null)
        {
            Publish(state with
            {
                Locked = true,
                Ended = new SessionEnd(EndedAt, [.. state.Groups.Select(g => new SessionPadResult(g.GroupId, g.PadId, 1))]),
                Timer = new PhaseTimer(state.Phases.Count - 1, false, null, TimeSpan.Zero),
            });
        }

        return Task.CompletedTask;
    }

    public Task ReopenSessionAsync(string moderatorToken, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        Calls.Add("reopen");
        if (State.Ended is not null)
        {
            Publish(State with { Locked = false, Ended = null });
        }

        return Task.CompletedTask;
    }

    public Task<string> RegenerateLinkAsync(string moderatorToken, SessionLinkKind kind, string? groupId, CancellationToken cancellationToken = default)
    {
        RequireModerator(moderatorToken);
        Regenerations++;
        Calls.Add($"regenerate {kind} {groupId}");
        return Task.FromResult($"regenerated-{Regenerations}");
    }

    private Task Record(string token, string call)
    {
        RequireModerator(token);
        Calls.Add(call);
        return Task.CompletedTask;
    }

    private void RequireModerator(string token)
    {
        var access = Access(token) ?? throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");
        if (access.Role != SessionRole.Moderator)
        {
            throw new PadException(PadErrorCodes.Forbidden, "Only the moderator's link can do this.");
        }
    }

    private sealed class Subscription(FakeWorkshopService owner, SessionAccess access, SessionState state, Func<SessionState, ValueTask> onChanged)
        : ISessionSubscription
    {
        public SessionAccess Access { get; } = access;

        public SessionState Current { get; private set; } = state;

        public ValueTask DeliverAsync(SessionState next)
        {
            Current = next;
            return onChanged(next);
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
