using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using PadHub.Components.Pads;
using PadHub.Components.Sessions;
using PadHub.Server.Hosting;
using PadHub.Server.Pads;
using PadHub.Server.Persistence;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Sessions;

/// <summary>
/// Workshop sessions on the server: creation (every pad, group and token in one transaction), capability checks and
/// facilitation. Each session lives in memory as a <see cref="SessionRuntime"/> (loaded on first use, dropped when idle:
/// WorkshopService.Idle.cs), so a token check is a dictionary lookup and a lock, a regenerated link or a lock takes
/// effect at the call that made it.
/// </summary>
internal sealed partial class WorkshopService(
    SessionStore store,
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

        var session = new SessionEntity
        {
            Id = sessionId,
            Title = valid.Title,
            Description = valid.Description,
            AudienceCanEdit = valid.AudienceCanEdit,
            Locked = false,
            Phases = SessionPhasesJson.Serialize(valid.Phases),
            PhaseIndex = 0,
            TimerRunning = false,
            TimerRemainingMs = (long)valid.Phases[0].Duration.TotalMilliseconds,
            LinkSecret = SessionLinkSecret.Encrypt(secret, moderatorToken, sessionId),
            AudienceLinkGeneration = 0,
            CreatedAt = now,
        };

        var groups = new List<NewSessionGroup>();
        var links = new List<GroupLinks>();
        var tokens = new List<SessionTokenEntity>
        {
            TokenRow(moderatorToken, sessionId, SessionRole.Moderator, null, now),
            TokenRow(audienceToken, sessionId, SessionRole.Audience, null, now),
        };
        for (var i = 0; i < valid.Groups.Count; i++)
        {
            var definition = valid.Groups[i];
            var group = new SessionGroupEntity
            {
                Id = NewId(now),
                SessionId = sessionId,
                Number = i + 1,
                Name = definition.Name,
                Topic = definition.Topic,
                Animators = SessionJson.SerializeNames(definition.Animators),
                PadId = NewId(now),
                NoteTakerLinkGeneration = 0,
            };
            var noteTakerToken = SessionLinkSecret.NoteTakerToken(secret, group.Id, 0);
            groups.Add(new NewSessionGroup(group, valid.PadTexts[i]));
            tokens.Add(TokenRow(noteTakerToken, sessionId, SessionRole.NoteTaker, group.Id, now));
            links.Add(new GroupLinks(group.Id, group.Name, group.PadId, noteTakerToken));
        }

        await store.CreateAsync(session, groups, tokens, cancellationToken).ConfigureAwait(false);
        LogCreated(logger, sessionId, groups.Count);
        return new SessionCreated(sessionId, valid.Title, moderatorToken, audienceToken, links);
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

    public Task StartTimerAsync(string moderatorToken, CancellationToken cancellationToken = default) =>
        ChangeTimerAsync(moderatorToken, "start the timer", (timer, _, now) => timer.Running
            ? timer
            : timer with { Running = true, EndsAt = now + timer.Remaining }, cancellationToken);

    public Task PauseTimerAsync(string moderatorToken, CancellationToken cancellationToken = default) =>
        ChangeTimerAsync(moderatorToken, "pause the timer", (timer, _, now) => timer.Running
            ? timer with { Running = false, EndsAt = null, Remaining = timer.RemainingAt(now) }
            : timer, cancellationToken);

    public Task ExtendPhaseAsync(string moderatorToken, TimeSpan extension, CancellationToken cancellationToken = default) =>
        ChangeTimerAsync(moderatorToken, "extend the phase", (timer, _, _) =>
        {
            if (extension < TimeSpan.FromSeconds(1) || extension > SessionLimits.MaxExtension)
            {
                throw new PadException(PadErrorCodes.InvalidOp,
                    $"An extension is from 1 second to {SessionLimits.MaxExtension.TotalMinutes:0} minutes.");
            }

            return timer.Running ? timer with { EndsAt = timer.EndsAt + extension } : timer with { Remaining = timer.Remaining + extension };
        }, cancellationToken);

    public Task NextPhaseAsync(string moderatorToken, CancellationToken cancellationToken = default) =>
        ChangeTimerAsync(moderatorToken, "move to the next phase", (timer, phases, now) =>
        {
            var next = timer.PhaseIndex + 1;
            if (next >= phases.Count)
            {
                throw new PadException(PadErrorCodes.InvalidOp, $"\"{phases[^1].Name}\" is the last phase; there is no next one.");
            }

            return new PhaseTimer(next, true, now + phases[next].Duration, phases[next].Duration);
        }, cancellationToken);

    public async Task AnnounceAsync(string moderatorToken, string text, string? groupId, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, "send announcements", cancellationToken).ConfigureAwait(false);
        var clean = CleanAnnouncement(text);
        if (groupId is not null && !runtime.GroupsById.ContainsKey(groupId))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "groupId is not a group of this session.");
        }

        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            var now = time.GetUtcNow();
            var announcement = new Announcement(NewId(now), groupId, clean, now);
            await store.AddAnnouncementAsync(new AnnouncementEntity
            {
                Id = announcement.AnnouncementId,
                SessionId = runtime.SessionId,
                GroupId = groupId,
                Text = clean,
                SentAt = now,
            }, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with { Announcements = [.. s.Announcements.TakeLast(SessionRuntime.MaxAnnouncements - 1), announcement] });
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetLockedAsync(string moderatorToken, bool locked, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, locked ? "lock the pads" : "unlock the pads", cancellationToken).ConfigureAwait(false);
        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            if (runtime.State.Locked == locked)
            {
                return;
            }

            await store.SaveLockedAsync(runtime.SessionId, locked, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with { Locked = locked });

            // Ordered through each pad's authority: once every pad has settled, whatever was queued before the lock is
            // committed or refused, and every later submission sees the lock in the pad's serial order.
            if (locked && authorities is not null)
            {
                await Task.WhenAll(runtime.GroupsByPad.Keys.Select(padId => authorities.GetAuthority(padId).SettleAsync(cancellationToken)))
                    .ConfigureAwait(false);
            }

            LogLocked(logger, runtime.SessionId, locked);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> RegenerateLinkAsync(string moderatorToken, SessionLinkKind kind, string? groupId, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, "regenerate links", cancellationToken).ConfigureAwait(false);
        if (!Enum.IsDefined(kind))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "Unknown link kind.");
        }

        if (kind == SessionLinkKind.NoteTaker ? groupId is null || !runtime.GroupsById.ContainsKey(groupId) : groupId is not null)
        {
            throw new PadException(PadErrorCodes.InvalidOp, kind == SessionLinkKind.NoteTaker
                ? "A note-taker link needs the groupId of a group of this session."
                : "Only a note-taker link belongs to a group: leave groupId out.");
        }

        string newToken = "";
        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            var secret = SessionLinkSecret.TryDecrypt(runtime.SealedSecret, moderatorToken, runtime.SessionId)
                ?? throw new InvalidOperationException($"Session {runtime.SessionId}: the link secret does not open with the live moderator link.");
            var now = time.GetUtcNow();
            var role = kind switch
            {
                SessionLinkKind.Moderator => SessionRole.Moderator,
                SessionLinkKind.Audience => SessionRole.Audience,
                _ => SessionRole.NoteTaker,
            };
            var old = runtime.FindLiveGrant(role, groupId)
                ?? throw new InvalidOperationException($"Session {runtime.SessionId}: no live {kind} link to regenerate.");
            int? audienceGeneration = null;
            (string, int)? noteTakerGeneration = null;
            byte[]? sealedSecret = null;
            switch (kind)
            {
                case SessionLinkKind.Moderator:
                    newToken = PadTokens.Create();
                    sealedSecret = SessionLinkSecret.Encrypt(secret, newToken, runtime.SessionId);
                    break;
                case SessionLinkKind.Audience:
                    audienceGeneration = runtime.AudienceGeneration + 1;
                    newToken = SessionLinkSecret.AudienceToken(secret, audienceGeneration.Value);
                    break;
                default:
                    noteTakerGeneration = (groupId!, runtime.NoteTakerGeneration(groupId!) + 1);
                    newToken = SessionLinkSecret.NoteTakerToken(secret, groupId!, noteTakerGeneration.Value.Item2);
                    break;
            }

            var row = TokenRow(newToken, runtime.SessionId, role, groupId, now);
            await store.ReplaceTokenAsync(old.Hash, row, audienceGeneration, noteTakerGeneration, sealedSecret, cancellationToken).ConfigureAwait(false);

            var replacement = new SessionGrant(Convert.ToHexString(row.TokenHash), row.TokenHash, role, groupId);
            _tokens[replacement.Key] = runtime;
            runtime.AudienceGeneration = audienceGeneration ?? runtime.AudienceGeneration;
            runtime.SealedSecret = sealedSecret ?? runtime.SealedSecret;
            runtime.ReplaceGrant(old, replacement, noteTakerGeneration?.Item2);
            _tokens.TryRemove(old.Key, out _);
            LogRegenerated(logger, runtime.SessionId, role, groupId);
        }, cancellationToken).ConfigureAwait(false);
        return newToken;
    }

    public async Task<ISessionPadGate?> ResolveAsync(string token, string? padId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await FindAsync(token, cancellationToken).ConfigureAwait(false) is not var (runtime, grant))
            {
                return null;
            }

            if (ResolvePad(runtime, grant, padId) is { } gate)
            {
                return gate;
            }

            // Retired by the idle sweep between the lookup and now: the next lookup loads it afresh.
        }
    }

    private SessionPadGate? ResolvePad(SessionRuntime runtime, SessionGrant grant, string? padId)
    {

        string target;
        if (string.IsNullOrEmpty(padId))
        {
            if (grant.Role != SessionRole.NoteTaker)
            {
                throw new PadException(PadErrorCodes.InvalidOp,
                    $"A {SessionLinkSecret.Describe(grant.Role)} link reaches every pad of the session: say which pad to join (padId).");
            }

            target = runtime.GroupsById[grant.GroupId!].PadId;
        }
        else
        {
            if (!runtime.GroupsByPad.TryGetValue(padId, out var group))
            {
                throw new PadException(PadErrorCodes.Forbidden, $"This link does not grant access to pad '{padId}'.");
            }

            if (grant.Role == SessionRole.NoteTaker && !string.Equals(group.GroupId, grant.GroupId, StringComparison.Ordinal))
            {
                throw new PadException(PadErrorCodes.Forbidden, "A note-taker link opens only its own group's pad.");
            }

            target = padId;
        }

        return runtime.AddPadGate(grant, target, ex => LogAccessDeliveryFailed(logger, runtime.SessionId, ex));
    }

    /// <summary>Plain text for a banner: trimmed, LF line breaks, no other control characters, 1..500 characters.</summary>
    internal static string CleanAnnouncement(string? text)
    {
        var normalised = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (c == '\n' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString().Trim();
        if (clean.Length == 0)
        {
            throw new PadException(PadErrorCodes.InvalidOp, "An announcement needs some text.");
        }

        if (clean.Length > SessionLimits.MaxAnnouncementLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"An announcement is at most {SessionLimits.MaxAnnouncementLength} characters; this one is {clean.Length}.");
        }

        return SessionRequestValidator.IsWellFormed(clean)
            ? clean
            : throw new PadException(PadErrorCodes.InvalidOp, "An announcement must be well-formed Unicode text.");
    }

    private async Task ChangeTimerAsync(
        string moderatorToken,
        string action,
        Func<PhaseTimer, IReadOnlyList<SessionPhase>, DateTimeOffset, PhaseTimer> change,
        CancellationToken cancellationToken)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, action, cancellationToken).ConfigureAwait(false);
        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            var state = runtime.State;
            var timer = change(state.Timer, state.Phases, time.GetUtcNow());
            if (timer == state.Timer)
            {
                return;
            }

            await store.SaveTimerAsync(runtime.SessionId, timer.PhaseIndex, timer.Running, timer.EndsAt,
                (long)timer.Remaining.TotalMilliseconds, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with { Timer = timer });
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a change alone on the session, re-checking the moderator link once it has the turn (it may have been replaced
    /// while waiting). A runtime retired by the idle sweep meanwhile is replaced by a fresh one and the change runs there.
    /// </summary>
    private async Task MutateAsync(SessionRuntime runtime, string moderatorToken, Func<SessionRuntime, Task> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            await runtime.Mutations.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!runtime.Retired)
                {
                    if (runtime.FindGrant(Convert.ToHexString(PadTokens.Hash(moderatorToken))) is not { Role: SessionRole.Moderator })
                    {
                        throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");
                    }

                    await change(runtime).ConfigureAwait(false);
                    return;
                }
            }
            finally
            {
                runtime.Mutations.Release();
            }

            runtime = (await RequireAsync(moderatorToken, cancellationToken).ConfigureAwait(false)).Runtime;
        }
    }

    private async Task<(SessionRuntime Runtime, SessionGrant Grant)> RequireModeratorAsync(string token, string action, CancellationToken cancellationToken)
    {
        var found = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        return found.Grant.Role == SessionRole.Moderator
            ? found
            : throw new PadException(PadErrorCodes.Forbidden,
                $"Only the moderator's link may {action}; this is a{(found.Grant.Role == SessionRole.Audience ? "n audience" : " note-taker")} link.");
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
                SessionLinkSecret.NoteTakerToken(secret, g.GroupId, runtime.NoteTakerGeneration(g.GroupId))))]);
    }

    private static SessionTokenEntity TokenRow(string token, string sessionId, SessionRole role, string? groupId, DateTimeOffset now) => new()
    {
        TokenHash = PadTokens.Hash(token),
        SessionId = sessionId,
        Role = role,
        GroupId = groupId,
        CreatedAt = now,
    };

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
