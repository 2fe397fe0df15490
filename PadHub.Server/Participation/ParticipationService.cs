using System.Collections.Concurrent;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Sessions;

namespace PadHub.Server.Participation;

/// <summary>
/// <see cref="IParticipationService"/>: one <see cref="SessionParticipation"/> per session with live participation,
/// created on first use and dropped once idle. Every call resolves its token through the workshop first, so a
/// regenerated link stops at once; the roles are checked here, never only in the UI.
/// </summary>
internal sealed partial class ParticipationService(WorkshopService workshops, TimeProvider time, ILogger<ParticipationService> logger) : IParticipationService
{
    private readonly ConcurrentDictionary<string, SessionParticipation> _sessions = new(StringComparer.Ordinal);

    public async Task<IGroupFollow> FollowAsync(string token, string? groupId, CancellationToken cancellationToken = default)
    {
        var (access, _) = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        await RequireFollowableAsync(token, access.SessionId, groupId, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var session = SessionOf(access.SessionId);
            if (session.AddFollow(groupId) is { } followId)
            {
                return new GroupFollow(this, session, followId, token, groupId);
            }

            _sessions.TryRemove(new KeyValuePair<string, SessionParticipation>(session.SessionId, session));
        }
    }

    public async Task<HelpCall> CallModeratorAsync(string token, string padId, string? message, CancellationToken cancellationToken = default)
    {
        var (access, state) = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        var group = state.Groups.FirstOrDefault(g => string.Equals(g.PadId, padId, StringComparison.Ordinal))
            ?? throw new PadException(PadErrorCodes.NotFound, "This pad is not one of the session's.");
        var allowed = access.Role == SessionRole.Moderator
            || (access.Role == SessionRole.NoteTaker && string.Equals(access.GroupId, group.GroupId, StringComparison.Ordinal));
        if (!allowed)
        {
            throw new PadException(PadErrorCodes.Forbidden, "Only this group's note-takers can call the moderator.");
        }

        var clean = CleanMessage(message);
        while (true)
        {
            var session = SessionOf(access.SessionId);
            if (session.Call(group.GroupId, clean, time.GetUtcNow(), Guid.CreateVersion7(time.GetUtcNow()).ToString("N")) is { } call)
            {
                LogCalled(logger, access.SessionId, group.Number);
                return call;
            }

            _sessions.TryRemove(new KeyValuePair<string, SessionParticipation>(session.SessionId, session));
        }
    }

    public async Task AcknowledgeHelpCallAsync(string moderatorToken, string groupId, CancellationToken cancellationToken = default)
    {
        var (access, state) = await RequireAsync(moderatorToken, cancellationToken).ConfigureAwait(false);
        if (access.Role != SessionRole.Moderator)
        {
            throw new PadException(PadErrorCodes.Forbidden, "Only the moderator's link can acknowledge a call.");
        }

        if (!state.Groups.Any(g => string.Equals(g.GroupId, groupId, StringComparison.Ordinal)))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "There is no such group in this session.");
        }

        if (_sessions.TryGetValue(access.SessionId, out var session))
        {
            session.Acknowledge(groupId, time.GetUtcNow());
            Changed(session);
        }
    }

    public async Task<IParticipationSubscription> WatchAsync(string token, Func<ParticipationState, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        var (access, _) = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        if (access.Role is not (SessionRole.Moderator or SessionRole.NoteTaker))
        {
            throw new PadException(PadErrorCodes.Forbidden, "Only the moderator and note-takers follow help calls.");
        }

        var onlyGroup = access.Role == SessionRole.NoteTaker ? access.GroupId : null;
        while (true)
        {
            var session = SessionOf(access.SessionId);
            var watcher = session.AddWatcher(() => new ParticipationWatcher(
                session, onlyGroup, session.State, onChanged, ex => LogWatcherFailed(logger, access.SessionId, ex)));
            if (watcher is not null)
            {
                return new Unwatch(watcher, () => Changed(session));
            }

            _sessions.TryRemove(new KeyValuePair<string, SessionParticipation>(session.SessionId, session));
        }
    }

    /// <summary>Checks that <paramref name="token"/> is still a live link of the session and <paramref name="groupId"/> one of its groups (or null).</summary>
    internal async Task RequireFollowableAsync(string token, string sessionId, string? groupId, CancellationToken cancellationToken)
    {
        var (access, state) = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(access.SessionId, sessionId, StringComparison.Ordinal))
        {
            throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");
        }

        if (groupId is not null && !state.Groups.Any(g => string.Equals(g.GroupId, groupId, StringComparison.Ordinal)))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "There is no such group in this session.");
        }
    }

    /// <summary>Drops a session's participation once nothing depends on it (called after anything left).</summary>
    internal void Changed(SessionParticipation session)
    {
        if (session.TryRetire())
        {
            _sessions.TryRemove(new KeyValuePair<string, SessionParticipation>(session.SessionId, session));
        }
    }

    /// <summary>Trimmed, one line, no control characters, at most <see cref="ParticipationLimits.MaxHelpMessageLength"/>; blank is none.</summary>
    internal static string? CleanMessage(string? message)
    {
        var trimmed = message?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > ParticipationLimits.MaxHelpMessageLength)
        {
            throw new PadException(PadErrorCodes.InvalidOp, $"The message is too long: at most {ParticipationLimits.MaxHelpMessageLength} characters.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "The message must be one line of text.");
        }

        return trimmed;
    }

    private SessionParticipation SessionOf(string sessionId) => _sessions.GetOrAdd(sessionId, id => new SessionParticipation(id));

    private async Task<(SessionAccess Access, SessionState State)> RequireAsync(string token, CancellationToken cancellationToken) =>
        await workshops.ResolveWithStateAsync(token, cancellationToken).ConfigureAwait(false)
            ?? throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: group {Group} called the moderator")]
    private static partial void LogCalled(ILogger logger, string sessionId, int group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: a participation watcher failed")]
    private static partial void LogWatcherFailed(ILogger logger, string sessionId, Exception exception);

    /// <summary>Stops a watch and lets an idle session go.</summary>
    private sealed class Unwatch(ParticipationWatcher watcher, Action changed) : IParticipationSubscription
    {
        public ParticipationState Current => watcher.Current;

        public async ValueTask DisposeAsync()
        {
            await watcher.DisposeAsync().ConfigureAwait(false);
            changed();
        }
    }
}
