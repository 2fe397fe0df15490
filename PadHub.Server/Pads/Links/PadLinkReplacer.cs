using PadHub.Components.Contracts.Pads;
using PadHub.Server.Pads.Watch;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Links;

/// <summary>
/// Replaces a stand-alone pad's edit or view link: a new token in the store (the old one stops resolving), then every
/// open connection and live view that joined with the old one is told <c>AccessChanged { revoked: true }</c> and closed.
/// </summary>
internal sealed class PadLinkReplacer(IPadStore store, PadLinkRevocations connections, PadWatchService? watches = null)
{
    /// <summary>The new token, or null when <paramref name="padId"/> is no stand-alone pad.</summary>
    public async Task<string?> ReplaceAsync(string padId, PadRole role, CancellationToken cancellationToken = default)
    {
        // The store first: a join that resolves the old token after this point fails; one that resolved it before is
        // caught by the revocation below (see PadLinkRevocations).
        var token = await store.ReplaceTokenAsync(padId, role, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return null;
        }

        connections.Revoke(padId, role);
        watches?.RevokePadLink(padId, role);
        return token;
    }
}
