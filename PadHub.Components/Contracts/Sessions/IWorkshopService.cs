using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Contracts.Sessions;

/// <summary>
/// Workshop sessions: creation, capability checks, facilitation and the live session state. Every method that acts
/// takes the caller's token and checks it on the server at that moment (a regenerated link stops working at once).
/// Refusals are <see cref="PadException"/>s with a code from <see cref="PadErrorCodes"/> (<c>not-found</c> for an
/// unknown or revoked token, <c>forbidden</c> for a token without the power).
/// </summary>
public interface IWorkshopService
{
    /// <summary>Creates a session and all its pads from the template.</summary>
    /// <exception cref="SessionValidationException">Nothing was created.</exception>
    Task<SessionCreated> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default);

    /// <summary>What <paramref name="token"/> grants, or null when it is unknown or revoked.</summary>
    Task<SessionAccess?> ResolveAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows a session's state live. <paramref name="onChanged"/> is called (never concurrently, in order) with each new
    /// state after the returned subscription's <see cref="ISessionSubscription.Current"/>. Any valid token may watch.
    /// </summary>
    Task<ISessionSubscription> WatchAsync(string token, Func<SessionState, ValueTask> onChanged, CancellationToken cancellationToken = default);

    /// <summary>Every link of the session (moderator only).</summary>
    Task<SessionLinks> GetLinksAsync(string moderatorToken, CancellationToken cancellationToken = default);

    /// <summary>Starts or resumes the current phase's countdown (moderator only).</summary>
    Task StartTimerAsync(string moderatorToken, CancellationToken cancellationToken = default);

    /// <summary>Pauses the countdown, keeping the time left (moderator only).</summary>
    Task PauseTimerAsync(string moderatorToken, CancellationToken cancellationToken = default);

    /// <summary>Adds time to the current phase (moderator only; 1 s to <see cref="SessionLimits.MaxExtension"/>).</summary>
    Task ExtendPhaseAsync(string moderatorToken, TimeSpan extension, CancellationToken cancellationToken = default);

    /// <summary>Moves to the next phase and starts its countdown (moderator only; <c>invalid-op</c> after the last).</summary>
    Task NextPhaseAsync(string moderatorToken, CancellationToken cancellationToken = default);

    /// <summary>Sends an announcement to every group (<paramref name="groupId"/> null) or one (moderator only).</summary>
    Task AnnounceAsync(string moderatorToken, string text, string? groupId, CancellationToken cancellationToken = default);

    /// <summary>Locks (read-only for everyone) or unlocks every pad of the session (moderator only).</summary>
    Task SetLockedAsync(string moderatorToken, bool locked, CancellationToken cancellationToken = default);

    /// <summary>Lets audience links comment on the pads' passages, or stops them (moderator only).</summary>
    Task SetAudienceCanCommentAsync(string moderatorToken, bool audienceCanComment, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This workshop service cannot change who may comment.");

    /// <summary>
    /// Replaces a link with a new token and revokes the old one at once: open pages and hub connections holding it lose
    /// their access (moderator only). Returns the new plain token.
    /// </summary>
    Task<string> RegenerateLinkAsync(string moderatorToken, SessionLinkKind kind, string? groupId, CancellationToken cancellationToken = default);

    /// <summary>Names (or clears, with null or blank) who presents a group's conclusions (moderator only; free text, bounded).</summary>
    Task SetRapporteurAsync(string moderatorToken, string groupId, string? rapporteur, CancellationToken cancellationToken = default);

    /// <summary>Puts a group or one of its conclusions in the spotlight on every audience page, or clears it with null (moderator only).</summary>
    Task SetSpotlightAsync(string moderatorToken, Spotlight? spotlight, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the session (moderator only): locks every pad, records each pad's final revision as the result
    /// (<see cref="SessionState.Ended"/>) and moves the timer to its end. Ending an ended session changes nothing.
    /// </summary>
    Task EndSessionAsync(string moderatorToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets (or clears, with null) the session's social feed (moderator only); the settings are checked by
    /// <see cref="SessionFeedRules.Normalize(SessionFeedSettings?)"/> (<c>invalid-op</c> otherwise) and stored.
    /// </summary>
    Task SetFeedAsync(string moderatorToken, SessionFeedSettings? feed, CancellationToken cancellationToken = default);

    /// <summary>Reopens an ended session (moderator only): unlocks the pads and clears the recorded result until it ends again.</summary>
    Task ReopenSessionAsync(string moderatorToken, CancellationToken cancellationToken = default);
}
