using System.Text;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>The workshop's outputs: rapporteurs, the spotlight, ending and reopening the session (moderator only, each run alone on its session).</summary>
internal sealed partial class WorkshopService
{
    public async Task SetRapporteurAsync(string moderatorToken, string groupId, string? rapporteur, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, "name rapporteurs", cancellationToken).ConfigureAwait(false);
        RequireGroup(runtime, groupId);
        var clean = CleanRapporteur(rapporteur);
        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            if (string.Equals(runtime.State.Groups.First(g => string.Equals(g.GroupId, groupId, StringComparison.Ordinal)).Rapporteur, clean, StringComparison.Ordinal))
            {
                return;
            }

            await store.SaveRapporteurAsync(runtime.SessionId, groupId, clean, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with
            {
                Groups = [.. s.Groups.Select(g => string.Equals(g.GroupId, groupId, StringComparison.Ordinal) ? g with { Rapporteur = clean } : g)],
            });
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetSpotlightAsync(string moderatorToken, Spotlight? spotlight, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, "change the spotlight", cancellationToken).ConfigureAwait(false);
        Spotlight? clean = null;
        if (spotlight is not null)
        {
            RequireGroup(runtime, spotlight.GroupId);
            clean = new Spotlight(spotlight.GroupId, CleanConclusion(spotlight.Conclusion));
        }

        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            if (runtime.State.Spotlight == clean)
            {
                return;
            }

            await store.SaveSpotlightAsync(runtime.SessionId, clean, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with { Spotlight = clean });
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task EndSessionAsync(string moderatorToken, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, "end the session", cancellationToken).ConfigureAwait(false);
        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            if (runtime.State.Ended is not null)
            {
                return;
            }

            // Lock first, as SetLocked does: once each pad has settled through its authority, whatever was queued before
            // is committed or refused, later submissions are refused in the pad's serial order, and its head is final.
            if (!runtime.State.Locked)
            {
                await store.SaveLockedAsync(runtime.SessionId, true, cancellationToken).ConfigureAwait(false);
                runtime.Publish(s => s with { Locked = true });
            }

            var groups = runtime.State.Groups;
            var revisions = await Task.WhenAll(groups.Select(g => FinalRevisionAsync(g.PadId, cancellationToken))).ConfigureAwait(false);
            var state = runtime.State;
            var last = state.Phases.Count - 1;
            var end = new SessionEnd(time.GetUtcNow(), [.. groups.Select((g, i) => new SessionPadResult(g.GroupId, g.PadId, revisions[i]))]);
            var timer = new PhaseTimer(last, Running: false, EndsAt: null, TimeSpan.Zero);
            await store.SaveEndAsync(runtime.SessionId, end, timer, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with { Locked = true, Ended = end, Timer = timer });
            LogEnded(logger, runtime.SessionId);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReopenSessionAsync(string moderatorToken, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, "reopen the session", cancellationToken).ConfigureAwait(false);
        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            if (runtime.State.Ended is null)
            {
                return;
            }

            // The timer stays where the end put it until the moderator moves it.
            await store.SaveEndAsync(runtime.SessionId, null, runtime.State.Timer, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with { Locked = false, Ended = null });
            LogReopened(logger, runtime.SessionId);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Trimmed one-line text up to <see cref="SessionLimits.MaxRapporteurLength"/>; null or blank is none.</summary>
    internal static string? CleanRapporteur(string? rapporteur)
    {
        var errors = new SessionRequestValidator.Errors();
        var clean = SessionRequestValidator.SingleLine(errors, "rapporteur", rapporteur, SessionLimits.MaxRapporteurLength, required: false);
        if (errors.Count > 0)
        {
            throw errors.ToException();
        }

        return clean.Length == 0 ? null : clean;
    }

    /// <summary>A conclusion's text: LF line breaks, no other control characters, trimmed, bounded; null or blank is the whole group.</summary>
    internal static string? CleanConclusion(string? conclusion)
    {
        if (conclusion is null)
        {
            return null;
        }

        var normalised = conclusion.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (c == '\n' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString().Trim();
        var errors = new SessionRequestValidator.Errors();
        if (clean.Length > SessionLimits.MaxSpotlightConclusionLength)
        {
            errors.Add("conclusion", ValidationText.Get("ConclusionTooLong", SessionLimits.MaxSpotlightConclusionLength, clean.Length));
        }
        else if (!SessionRequestValidator.IsWellFormed(clean))
        {
            errors.Add("conclusion", ValidationText.Get("Malformed"));
        }

        return errors.Count > 0 ? throw errors.ToException() : clean.Length == 0 ? null : clean;
    }

    private static void RequireGroup(SessionRuntime runtime, string? groupId)
    {
        if (groupId is null || !runtime.GroupsById.ContainsKey(groupId))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "groupId is not a group of this session.");
        }
    }

    /// <summary>The pad's head once everything queued to it has been committed or refused (the session is locked by then).</summary>
    private async Task<int> FinalRevisionAsync(string padId, CancellationToken cancellationToken)
    {
        if (authorities is null)
        {
            return 0;
        }

        var authority = authorities.GetAuthority(padId);
        return await authority.SettleAsync(cancellationToken).ConfigureAwait(false)
            ?? (await authority.GetStateAsync(cancellationToken).ConfigureAwait(false)).Revision;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: ended; every pad locked and its final revision recorded")]
    private static partial void LogEnded(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: reopened")]
    private static partial void LogReopened(ILogger logger, string sessionId);
}
