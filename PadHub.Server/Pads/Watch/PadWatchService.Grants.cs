namespace PadHub.Server.Pads.Watch;

// One grant per token in use, shared by its watches: resolved again when its session changes and on a timer, and revoked
// (its watches stopped at once) when the token no longer resolves to the same access.
internal sealed partial class PadWatchService
{
    private async Task<WatchGrant> AcquireGrantAsync(string token, WatchAccess access, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_grants.TryGetValue(token, out var existing) && !existing.Revoked && existing.Access == access)
            {
                existing.References++;
                return existing;
            }
        }

        var grant = new WatchGrant(token, access);
        if (access.Session is not null)
        {
            // Throws not-found if the token was revoked since it was resolved.
            grant.Subscription = await workshop.WatchAsync(token, _ => OnSessionChanged(grant), cancellationToken).ConfigureAwait(false);
        }

        WatchGrant? winner = null;
        lock (_gate)
        {
            if (_grants.TryGetValue(token, out var existing) && !existing.Revoked && existing.Access == access)
            {
                existing.References++; // Another watch of the same token got there first: share its grant.
                winner = existing;
            }
            else
            {
                grant.References = 1;
                grant.RecheckTimer = time.CreateTimer(_ => _ = RecheckAsync(grant), null, _options.AccessRecheckInterval, _options.AccessRecheckInterval);
                _grants[token] = grant;
            }
        }

        if (winner is not null)
        {
            await grant.CloseAsync().ConfigureAwait(false);
            return winner;
        }

        return grant;
    }

    private ValueTask OnSessionChanged(WatchGrant grant)
    {
        // Never hold up the session's own delivery: check on the side.
        _ = RecheckAsync(grant);
        return ValueTask.CompletedTask;
    }

    private async Task RecheckAsync(WatchGrant grant)
    {
        if (grant.Revoked)
        {
            return;
        }

        try
        {
            var access = await ResolveAsync(grant.Token, CancellationToken.None).ConfigureAwait(false);
            if (access != grant.Access)
            {
                Revoke(grant);
            }
        }
#pragma warning disable CA1031 // A failed check (the database busy) is retried at the next one; the watches go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRecheckFailed(_logger, ex);
        }
    }

    private void Revoke(string token)
    {
        WatchGrant? grant;
        lock (_gate)
        {
            grant = _grants.GetValueOrDefault(token);
        }

        if (grant is not null)
        {
            Revoke(grant);
        }
    }

    /// <summary>The grant's token is no longer valid: its watches stop delivering at once.</summary>
    private void Revoke(WatchGrant grant)
    {
        PadWatch[] watches;
        lock (_gate)
        {
            if (grant.Revoked)
            {
                return;
            }

            grant.Revoked = true;
            if (_grants.TryGetValue(grant.Token, out var current) && current == grant)
            {
                _grants.Remove(grant.Token);
            }

            watches = [.. grant.Watches];
        }

        LogRevoked(_logger, watches.Length);
        foreach (var watch in watches)
        {
            watch.Stop();
        }

        _ = grant.CloseAsync().AsTask();
    }

    /// <summary>A watch ends (disposed) or failed to start: the grant goes once nobody uses it.</summary>
    internal async ValueTask ReleaseGrantAsync(WatchGrant grant, PadWatch? watch)
    {
        lock (_gate)
        {
            if (watch is not null)
            {
                grant.Watches.Remove(watch);
            }

            if (--grant.References > 0)
            {
                return;
            }

            if (_grants.TryGetValue(grant.Token, out var current) && current == grant)
            {
                _grants.Remove(grant.Token);
            }

            if (grant.Revoked)
            {
                return; // Closed when it was revoked.
            }
        }

        await grant.CloseAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A watched link was revoked: {Count} live views of it stopped")]
    private static partial void LogRevoked(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking a watched link again failed; the next check retries")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception);
}
