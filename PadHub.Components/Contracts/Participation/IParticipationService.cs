namespace PadHub.Components.Contracts.Participation;

/// <summary>
/// A session's live participation: which group each audience page follows, and note-takers' calls to the moderator.
/// Per-session state owned by one service (a grain could implement it): every method takes the caller's session token
/// and checks it on the server at that moment. Refusals are <see cref="Pads.PadException"/>s (<c>not-found</c> for an
/// unknown or revoked token, <c>forbidden</c> without the power, <c>invalid-op</c> for bad input, <c>rate-limited</c>).
/// </summary>
public interface IParticipationService
{
    /// <summary>
    /// Counts the calling page as following <paramref name="groupId"/> (null: no group) until the returned handle is
    /// disposed. Any live link of the session may follow; one handle counts once.
    /// </summary>
    Task<IGroupFollow> FollowAsync(string token, string? groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls the moderator to the group whose pad is <paramref name="padId"/>, with an optional short message (at most
    /// <see cref="ParticipationLimits.MaxHelpMessageLength"/> characters, one line). Only the note-taker link of that
    /// group or the moderator's link may call; one call per group per <see cref="ParticipationLimits.HelpCallInterval"/>.
    /// </summary>
    Task<HelpCall> CallModeratorAsync(string token, string padId, string? message, CancellationToken cancellationToken = default);

    /// <summary>Marks the group's open call as seen (moderator only); the note-takers are told. Changes nothing without an open call.</summary>
    Task AcknowledgeHelpCallAsync(string moderatorToken, string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows the session's participation live: the moderator sees every group, a note-taker its own group's call
    /// (and every group's followers). Other links are <c>forbidden</c>. <paramref name="onChanged"/> is called in
    /// version order, never concurrently, latest-wins.
    /// </summary>
    Task<IParticipationSubscription> WatchAsync(string token, Func<ParticipationState, ValueTask> onChanged, CancellationToken cancellationToken = default);
}
