using PadHub.Components.Contracts.Pads;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Watch;

// A stand-alone pad's own links: the /v/ page watches through them, and replacing one stops its watches at once.
internal sealed partial class PadWatchService
{
    public async Task<IPadWatch> WatchPadLinkAsync(string token, Func<ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            throw UnknownLink();
        }

        // Only a pad's own link names its pad; WatchAsync then checks the token again like any other watch.
        var pad = await store.ResolveTokenAsync(token, cancellationToken).ConfigureAwait(false) ?? throw UnknownLink();
        return await WatchAsync(token, pad.PadId, onChanged, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A stand-alone pad's link of <paramref name="role"/> was replaced: the watches that used the old one stop at once
    /// (without waiting for their next recheck). Returns how many grants were revoked.
    /// </summary>
    internal int RevokePadLink(string padId, PadRole role)
    {
        var access = new WatchAccess(null, new PadAccess(padId, role));
        WatchGrant[] grants;
        lock (_gate)
        {
            grants = [.. _grants.Values.Where(g => g.Access == access)];
        }

        foreach (var grant in grants)
        {
            Revoke(grant);
        }

        return grants.Length;
    }
}
