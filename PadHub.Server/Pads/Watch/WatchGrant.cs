using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Pads.Watch;

/// <summary>
/// One token in use by watches, shared by all of them (the audience link is held by every phone in the room): it follows
/// the session's state for the groups' pads and re-resolves the token when that state changes and every
/// <see cref="PadWatchOptions.AccessRecheckInterval"/>, so one check covers every watch of the token. Guarded by
/// <see cref="PadWatchService"/>'s lock.
/// </summary>
internal sealed class WatchGrant(string token, WatchAccess access)
{
    public string Token { get; } = token;

    public WatchAccess Access { get; } = access;

    /// <summary>The session's live state (session tokens only).</summary>
    public ISessionSubscription? Subscription { get; set; }

    public ITimer? RecheckTimer { get; set; }

    public HashSet<PadWatch> Watches { get; } = [];

    public int References { get; set; }

    public bool Revoked { get; set; }

    /// <summary>Whether the token may follow <paramref name="padId"/>.</summary>
    public bool Reaches(string padId)
    {
        if (Access.Pad is { } pad)
        {
            return string.Equals(pad.PadId, padId, StringComparison.Ordinal);
        }

        var session = Access.Session!;
        var groups = Subscription!.Current.Groups;
        return session.Role switch
        {
            SessionRole.Moderator or SessionRole.Audience or SessionRole.Results => groups.Any(g => string.Equals(g.PadId, padId, StringComparison.Ordinal)),
            SessionRole.NoteTaker => groups.Any(g => string.Equals(g.GroupId, session.GroupId, StringComparison.Ordinal)
                && string.Equals(g.PadId, padId, StringComparison.Ordinal)),
            _ => false,
        };
    }

    public async ValueTask CloseAsync()
    {
        RecheckTimer?.Dispose();
        if (Subscription is { } subscription)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }
}
