using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads;
using PadHub.Server.Persistence;

namespace PadHub.Server.Sessions;

/// <summary>
/// Workshop sessions on the server: creation (every pad, group and token in one transaction), capability checks and
/// facilitation (WorkshopService.Moderation.cs; pad connections' gates: WorkshopService.PadGates.cs). Each session lives in memory as a <see cref="SessionRuntime"/> (loaded on first use, dropped when idle:
/// WorkshopService.Idle.cs), so a token check is a dictionary lookup and a lock, a regenerated link or a lock takes
/// effect at the call that made it.
/// </summary>
internal sealed partial class WorkshopService(
    ISessionStore store,
    IOptions<PadLimitsOptions> limits,
    IOptions<SessionOptions> sessionOptions,
    TimeProvider time,
    ILogger<WorkshopService> logger,
    IPadAuthorityProvider? authorities = null) : IWorkshopService, ISessionPadResolver
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SessionRuntime>>> _runtimes = new(StringComparer.Ordinal);

    // Live token (hash hex) -> its session's runtime, so a known token never touches the database again.
    private readonly ConcurrentDictionary<string, SessionRuntime> _tokens = new(StringComparer.Ordinal);

    public async Task<SessionCreated> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default)
    {
        var valid = SessionRequestValidator.Validate(request, limits.Value.MaxPadLength);
        var now = time.GetUtcNow();
        var sessionId = NewId(now);
        var moderatorToken = PadTokens.Create();
        var secret = SessionLinkSecret.CreateSecret();
        var audienceToken = SessionLinkSecret.AudienceToken(secret, 0);
        var resultsToken = SessionLinkSecret.ResultsToken(secret, 0);

        var groups = new List<StoredSessionGroup>();
        var links = new List<GroupLinks>();
        var tokens = new List<StoredSessionToken>
        {
            StoredToken(moderatorToken, SessionRole.Moderator, null, now),
            StoredToken(audienceToken, SessionRole.Audience, null, now),
            StoredToken(resultsToken, SessionRole.Results, null, now),
        };
        for (var i = 0; i < valid.Groups.Count; i++)
        {
            var definition = valid.Groups[i];
            var group = new SessionGroup(NewId(now), i + 1, definition.Name, definition.Topic, definition.Animators, NewId(now));
            var noteTakerToken = SessionLinkSecret.NoteTakerToken(secret, group.GroupId, 0);
            groups.Add(new StoredSessionGroup(group, NoteTakerLinkGeneration: 0));
            tokens.Add(StoredToken(noteTakerToken, SessionRole.NoteTaker, group.GroupId, now));
            links.Add(new GroupLinks(group.GroupId, group.Name, group.PadId, noteTakerToken));
        }

        var session = new StoredSession(
            sessionId,
            valid.Title,
            valid.Description,
            valid.AudienceCanEdit,
            Locked: false,
            valid.Phases,
            new PhaseTimer(0, Running: false, EndsAt: null, valid.Phases[0].Duration),
            SessionLinkSecret.Encrypt(secret, moderatorToken, sessionId),
            AudienceLinkGeneration: 0,
            now,
            groups,
            tokens,
            Announcements: [],
            valid.Licence,
            valid.CreditContributors,
            Language: valid.Language);
        await store.CreateSessionAsync(session, valid.PadTexts, cancellationToken).ConfigureAwait(false);
        LogCreated(logger, sessionId, groups.Count);
        return new SessionCreated(sessionId, valid.Title, moderatorToken, audienceToken, links, resultsToken);
    }

    public async Task<SessionAccess?> ResolveAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken).ConfigureAwait(false);
        return found is var (runtime, grant) ? new SessionAccess(runtime.SessionId, grant.Role, grant.GroupId) : null;
    }

    public async Task<ISessionSubscription> WatchAsync(string token, Func<SessionState, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        while (true)
        {
            var (runtime, grant) = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
            if (runtime.AddWatcher(grant, onChanged, ex => LogWatcherFailed(logger, runtime.SessionId, ex)) is { } watcher)
            {
                return watcher;
            }

            // Retired by the idle sweep between the lookup and now: the next lookup loads it afresh.
        }
    }

    public async Task<SessionLinks> GetLinksAsync(string moderatorToken, CancellationToken cancellationToken = default)
    {
        var (runtime, grant) = await RequireModeratorAsync(moderatorToken, "list the session's links", cancellationToken).ConfigureAwait(false);
        return LinksOf(runtime, grant, moderatorToken);
    }

    /// <summary>The links of a loaded session, synchronously (the demo on the home page); null when the token is not its live moderator link.</summary>
    public SessionLinks? TryGetLinks(string moderatorToken)
    {
        if (string.IsNullOrEmpty(moderatorToken) || moderatorToken.Length > PadTokens.MaxAcceptedLength)
        {
            return null;
        }

        var key = Convert.ToHexString(PadTokens.Hash(moderatorToken));
        if (!_tokens.TryGetValue(key, out var runtime) || runtime.Retired || runtime.FindGrant(key) is not { Role: SessionRole.Moderator } grant)
        {
            return null;
        }

        runtime.Touch(time.GetUtcNow());
        return LinksOf(runtime, grant, moderatorToken);
    }

    private async Task<(SessionRuntime Runtime, SessionGrant Grant)> RequireAsync(string token, CancellationToken cancellationToken) =>
        await FindAsync(token, cancellationToken).ConfigureAwait(false)
            ?? throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");

    private async Task<(SessionRuntime Runtime, SessionGrant Grant)?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > PadTokens.MaxAcceptedLength)
        {
            return null;
        }

        var hash = PadTokens.Hash(token);
        var key = Convert.ToHexString(hash);
        if (_tokens.TryGetValue(key, out var known) && !known.Retired)
        {
            known.Touch(time.GetUtcNow());
            return known.FindGrant(key) is { } knownGrant ? (known, knownGrant) : null;
        }

        var sessionId = await store.FindSessionIdAsync(hash, cancellationToken).ConfigureAwait(false);
        if (sessionId is null)
        {
            return null;
        }

        // The store only says which session; the runtime (which sees regenerations at once) says whether the token is live.
        var runtime = await GetRuntimeAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return runtime.FindGrant(key) is { } grant ? (runtime, grant) : null;
    }

    private async Task<SessionRuntime> GetRuntimeAsync(string sessionId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = _runtimes.GetOrAdd(sessionId, id => new Lazy<Task<SessionRuntime>>(() => LoadRuntimeAsync(id)));
            SessionRuntime runtime;
            try
            {
                runtime = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (lazy.Value.IsFaulted)
            {
                _runtimes.TryRemove(new KeyValuePair<string, Lazy<Task<SessionRuntime>>>(sessionId, lazy));
                throw;
            }

            if (!runtime.Retired)
            {
                runtime.Touch(time.GetUtcNow());
                return runtime;
            }

            // Retired while the sweep has not yet removed it: remove it here and load afresh.
            _runtimes.TryRemove(new KeyValuePair<string, Lazy<Task<SessionRuntime>>>(sessionId, lazy));
        }
    }

    private async Task<SessionRuntime> LoadRuntimeAsync(string sessionId)
    {
        // Not the caller's token: one caller giving up must not fail the load for the others waiting on it.
        var loaded = await store.LoadAsync(sessionId, SessionRuntime.MaxAnnouncements, CancellationToken.None).ConfigureAwait(false)
            ?? throw new PadException(PadErrorCodes.NotFound, "This session no longer exists.");
        var runtime = new SessionRuntime(loaded, time.GetUtcNow());
        foreach (var grant in runtime.Grants)
        {
            _tokens[grant.Key] = runtime;
        }

        LogLoaded(logger, sessionId, runtime.GroupsById.Count);
        return runtime;
    }

    private static SessionLinks LinksOf(SessionRuntime runtime, SessionGrant moderator, string moderatorToken)
    {
        var secret = SessionLinkSecret.TryDecrypt(runtime.SealedSecret, moderatorToken, runtime.SessionId)
            ?? throw new InvalidOperationException($"Session {runtime.SessionId}: the link secret does not open with the live moderator link.");
        _ = moderator;
        var state = runtime.State;
        return new SessionLinks(
            runtime.SessionId,
            state.Title,
            moderatorToken,
            SessionLinkSecret.AudienceToken(secret, runtime.AudienceGeneration),
            [.. state.Groups.Select(g => new GroupLinks(g.GroupId, g.Name, g.PadId,
                SessionLinkSecret.NoteTakerToken(secret, g.GroupId, runtime.NoteTakerGeneration(g.GroupId))))],
            // A session created before results links existed has none until the moderator replaces it.
            runtime.FindLiveGrant(SessionRole.Results, null) is null ? "" : SessionLinkSecret.ResultsToken(secret, runtime.ResultsGeneration));
    }

    private static StoredSessionToken StoredToken(string token, SessionRole role, string? groupId, DateTimeOffset now) =>
        new(PadTokens.Hash(token), role, groupId, now);

    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    [LoggerMessage(Level = LogLevel.Information, Message = "Created session {SessionId} with {Groups} group(s)")]
    private static partial void LogCreated(ILogger logger, string sessionId, int groups);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded session {SessionId} ({Groups} group(s))")]
    private static partial void LogLoaded(ILogger logger, string sessionId, int groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: pads locked = {Locked}")]
    private static partial void LogLocked(ILogger logger, string sessionId, bool locked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: {Role} link regenerated (group {GroupId}); the old one is revoked")]
    private static partial void LogRegenerated(ILogger logger, string sessionId, SessionRole role, string? groupId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: a state watcher failed")]
    private static partial void LogWatcherFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: telling a pad connection its access changed failed")]
    private static partial void LogAccessDeliveryFailed(ILogger logger, string sessionId, Exception exception);
}
