using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>What the session-scoped services beside the workshop (participation, the social feed) need to check a token.</summary>
internal sealed partial class WorkshopService
{
    /// <summary>What <paramref name="token"/> grants now and its session's current state, or null when it is unknown or revoked.</summary>
    internal async Task<(SessionAccess Access, SessionState State)?> ResolveWithStateAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken).ConfigureAwait(false);
        return found is var (runtime, grant) ? (new SessionAccess(runtime.SessionId, grant.Role, grant.GroupId), runtime.State) : null;
    }
}
