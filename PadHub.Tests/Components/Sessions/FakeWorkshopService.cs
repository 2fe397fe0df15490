using PadHub.Components.Pads;
using PadHub.Components.Sessions;

namespace PadHub.Tests.Components.Sessions;

/// <summary>
/// An in-memory stand-in for the host's workshop service, for bUnit tests only: one session, tokens by name, every
/// action recorded. <see cref="Publish"/> pushes a new state to every watcher.
/// </summary>
internal sealed class FakeWorkshopService : IWorkshopService
{
    public const string ModeratorToken = "mod-token";
    public const string AudienceToken = "aud-token";
    public const string NoteTakerToken = "note-token-1";

    private readonly List<FakeSessionSubscription> _watchers = [];

    public FakeWorkshopService(DateTimeOffset now, int groups = 3)
    {
        State = new SessionState(
            "session-1", 1, "IGF 2018 WS #42", "A workshop", SessionDefaults.Phases,
            new PhaseTimer(1, true, now.AddMinutes(12).AddSeconds(5), TimeSpan.Zero),
            Locked: false, AudienceCanEdit: false,
            [.. Enumerable.Range(1, groups).Select(n => new SessionGroup($"g{n}", n, $"Group {n}", $"Topic {n}", [$"Animator {n}"], $"pad-{n}"))],
            []);
    }

    public SessionState State { get; private set; }

    public List<string> Calls { get; } = [];

    public CreateSessionRequest? LastCreateRequest { get; private set; }

    /// <summary>Forgets <see cref="LastCreateRequest"/>, to see whether another creation happens.</summary>
    public void ResetLastCreateRequest() => LastCreateRequest = null;

    /// <summary>Thrown by <see cref="CreateSessionAsync"/> when set.</summary>
    public Exception? CreateFailure { get; set; }

    public SessionLinks Links => new(State.SessionId, State.Title, ModeratorToken, AudienceToken,
        [.. State.Groups.Select(g => new GroupLinks(g.GroupId, g.Name, g.PadId, $"note-token-{g.Number}"))]);

    public int Regenerations { get; private set; }

    public void Publish(SessionState state)
    {
        State = state with { Version = State.Version + 1 };
        foreach (var watcher in _watchers.ToList())
        {
            watcher.Deliver(State);
        }
    }

    /// <summary>More tokens the fake accepts (e.g. the pad fake's token as a note-taker's).</summary>
    public Dictionary<string, SessionAccess> ExtraTokens { get; } = [];

    public SessionAccess? Access(string token) => ExtraTokens.TryGetValue(token, out var extra) ? extra : token switch
    {
        ModeratorToken => new(State.SessionId, SessionRole.Moderator, null),
        AudienceToken => new(State.SessionId, SessionRole.Audience, null),
        _ when token.StartsWith("note-token-", StringComparison.Ordinal) => new(State.SessionId, SessionRole.NoteTaker, "g" + token["note-token-".Length..]),
        _ => null,
    };

    public Task<SessionCreated> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default)
    {
        LastCreateRequest = request;
        if (CreateFailure is { } failure)
        {
            throw failure;
        }

        return Task.FromResult(new SessionCreated("session-2", request.Title, "new-mod", "new-aud",
            [.. request.Groups.Select((g, i) => new GroupLinks($"n{i + 1}", g.Name, $"newpad-{i + 1}", $"new-note-{i + 1}"))]));
    }

    public Task<SessionAccess?> ResolveAsync(string token, CancellationToken cancellationToken = default) => Task.FromResult(Access(token));

    public Task<ISessionSubscription> WatchAsync(string token, Func<SessionState, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        var access = Access(token) ?? throw new PadException(PadErrorCodes.NotFound, "No session has this link.");
        var subscription = new FakeSessionSubscription(access, State, onChanged, s => _watchers.Remove(s));
        _watchers.Add(subscription);
        return Task.FromResult<ISessionSubscription>(subscription);
    }

    public int Watchers => _watchers.Count;

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
        var access = Access(token) ?? throw new PadException(PadErrorCodes.NotFound, "No session has this link.");
        if (access.Role != SessionRole.Moderator)
        {
            throw new PadException(PadErrorCodes.Forbidden, "Only the moderator's link can do this.");
        }
    }
}

internal sealed class FakeSessionSubscription(
    SessionAccess access, SessionState current, Func<SessionState, ValueTask> onChanged, Action<FakeSessionSubscription> remove)
    : ISessionSubscription
{
    public SessionAccess Access { get; } = access;

    public SessionState Current { get; private set; } = current;

    public void Deliver(SessionState state)
    {
        Current = state;
        _ = onChanged(state).AsTask();
    }

    public ValueTask DisposeAsync()
    {
        remove(this);
        return ValueTask.CompletedTask;
    }
}
