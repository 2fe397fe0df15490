using System.Text;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;

namespace PadHub.Server.Sessions;

/// <summary>The moderator's actions: the timer, announcements, the lock and replacing links, each checked on the server and run alone on its session.</summary>
internal sealed partial class WorkshopService
{
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
            await store.AddAnnouncementAsync(runtime.SessionId, announcement, cancellationToken).ConfigureAwait(false);
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
                SessionLinkKind.Results => SessionRole.Results,
                _ => SessionRole.NoteTaker,
            };
            // Sessions created before results links existed have none: replacing it creates the first one.
            var old = runtime.FindLiveGrant(role, groupId)
                ?? (role == SessionRole.Results ? null : throw new InvalidOperationException($"Session {runtime.SessionId}: no live {kind} link to regenerate."));
            int? audienceGeneration = null;
            int? resultsGeneration = null;
            int? noteTakerGeneration = null;
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
                case SessionLinkKind.Results:
                    resultsGeneration = runtime.ResultsGeneration + 1;
                    newToken = SessionLinkSecret.ResultsToken(secret, resultsGeneration.Value);
                    break;
                default:
                    noteTakerGeneration = runtime.NoteTakerGeneration(groupId!) + 1;
                    newToken = SessionLinkSecret.NoteTakerToken(secret, groupId!, noteTakerGeneration.Value);
                    break;
            }

            var token = StoredToken(newToken, role, groupId, now);
            await store.ReplaceTokenAsync(
                new SessionLinkReplacement(runtime.SessionId, old?.Hash ?? [], token, audienceGeneration, noteTakerGeneration, sealedSecret, resultsGeneration),
                cancellationToken).ConfigureAwait(false);

            var replacement = new SessionGrant(Convert.ToHexString(token.TokenHash), token.TokenHash, role, groupId);
            _tokens[replacement.Key] = runtime;
            runtime.AudienceGeneration = audienceGeneration ?? runtime.AudienceGeneration;
            runtime.ResultsGeneration = resultsGeneration ?? runtime.ResultsGeneration;
            runtime.SealedSecret = sealedSecret ?? runtime.SealedSecret;
            runtime.ReplaceGrant(old, replacement, noteTakerGeneration);
            if (old is not null)
            {
                _tokens.TryRemove(old.Key, out _);
            }

            LogRegenerated(logger, runtime.SessionId, role, groupId);
        }, cancellationToken).ConfigureAwait(false);
        return newToken;
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

            await store.SaveTimerAsync(runtime.SessionId, timer, cancellationToken).ConfigureAwait(false);
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
                $"Only the moderator's link may {action}; this is a{(found.Grant.Role == SessionRole.Audience ? "n" : "")} {SessionLinkSecret.Describe(found.Grant.Role)} link.");
    }
}
