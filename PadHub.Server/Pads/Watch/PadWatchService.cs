using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Watch;

/// <summary>
/// The live views' pad mirrors (<see cref="IPadWatchService"/>): checks the token, then hands out watches of ONE
/// reference-counted <see cref="PadMirror"/> per pad, unloaded <see cref="PadWatchOptions.MirrorLinger"/> after its last
/// watch ends.
/// </summary>
/// <remarks>
/// Who may watch: a moderator or audience token any pad of its session, a note-taker token its group's pad, a pad's own
/// edit or view token that pad. Every <see cref="WatchAsync"/> resolves the token afresh (a regenerated link cannot start
/// a watch). Watches already running stop delivering when their token is revoked: each token in use is resolved again
/// whenever its session's state changes and every <see cref="PadWatchOptions.AccessRecheckInterval"/>, and a failed
/// resolution anywhere (a new watch with the old token) stops them at once.
/// </remarks>
internal sealed partial class PadWatchService(
    IWorkshopService workshop,
    IPadStore store,
    IPadAuthorityProvider authorities,
    PadFanout fanout,
    IOptions<PadWatchOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IPadWatchService, IAsyncDisposable
{
    private const int MaxTokenLength = 128;
    private const int MaxPadIdLength = 128;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PadMirror> _mirrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WatchGrant> _grants = new(StringComparer.Ordinal);
    private readonly PadWatchOptions _options = options.Value;
    private readonly ILogger _logger = loggerFactory.CreateLogger<PadWatchService>();
    private bool _disposed;

    /// <summary>Mirrors in memory now (tests and diagnostics).</summary>
    public int MirrorCount
    {
        get
        {
            lock (_gate)
            {
                return _mirrors.Count;
            }
        }
    }

    /// <summary>The mirror of <paramref name="padId"/> if loaded (tests).</summary>
    internal PadMirror? FindMirror(string padId)
    {
        lock (_gate)
        {
            return _mirrors.GetValueOrDefault(padId);
        }
    }

    public async Task<IPadWatch> WatchAsync(string token, string padId, Func<ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            throw UnknownLink();
        }

        if (string.IsNullOrEmpty(padId) || padId.Length > MaxPadIdLength)
        {
            throw new PadException(PadErrorCodes.NotFound, "There is no such pad.");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        var access = await ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        if (access is null)
        {
            Revoke(token);
            throw UnknownLink();
        }

        var grant = await AcquireGrantAsync(token, access, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!grant.Reaches(padId))
            {
                throw new PadException(PadErrorCodes.Forbidden, "This link cannot follow that pad.");
            }

            var mirror = await AcquireMirrorAsync(padId, cancellationToken).ConfigureAwait(false);
            var watch = new PadWatch(this, mirror, grant, onChanged, _logger);
            lock (_gate)
            {
                if (!grant.Revoked)
                {
                    grant.Watches.Add(watch);
                    mirror.AddWatcher(watch);
                    return watch;
                }
            }

            ReleaseMirror(mirror);
            throw UnknownLink();
        }
        catch
        {
            await ReleaseGrantAsync(grant, null).ConfigureAwait(false);
            throw;
        }
    }

    private static PadException UnknownLink() => new(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");

    /// <summary>What the token grants now: a session role, else a pad's own link, else nothing.</summary>
    private async Task<WatchAccess?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var session = await workshop.ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        if (session is not null)
        {
            return new WatchAccess(session, null);
        }

        var pad = await store.ResolveTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return pad is null ? null : new WatchAccess(null, pad);
    }

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
                grant.RecheckTimer = time.CreateTimer(static state => ((PadWatchGrantCheck)state!).Run(), new PadWatchGrantCheck(this, grant),
                    _options.AccessRecheckInterval, _options.AccessRecheckInterval);
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

    private async Task<PadMirror> AcquireMirrorAsync(string padId, CancellationToken cancellationToken)
    {
        PadMirror? mirror;
        var created = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_mirrors.TryGetValue(padId, out mirror))
            {
                mirror = new PadMirror(padId, authorities.GetAuthority(padId), fanout, _options, time, _logger);
                _mirrors[padId] = mirror;
                created = true;
            }

            mirror.References++;
            mirror.LingerTimer?.Dispose();
            mirror.LingerTimer = null;
        }

        if (created)
        {
            LogMirrorLoading(_logger, padId);
            mirror.Start();
        }

        try
        {
            await mirror.Loaded.WaitAsync(cancellationToken).ConfigureAwait(false);
            return mirror;
        }
        catch
        {
            ReleaseMirror(mirror);
            throw;
        }
    }

    /// <summary>A watch stopped: it no longer receives the mirror's notifications and lets go of it.</summary>
    internal void Detach(PadWatch watch)
    {
        watch.Mirror.RemoveWatcher(watch);
        ReleaseMirror(watch.Mirror);
    }

    private void ReleaseMirror(PadMirror mirror)
    {
        lock (_gate)
        {
            if (--mirror.References > 0)
            {
                return;
            }

            if (mirror.Loaded.IsCompletedSuccessfully && _options.MirrorLinger > TimeSpan.Zero && !_disposed)
            {
                mirror.LingerTimer = time.CreateTimer(static state => ((PadWatchMirrorUnload)state!).Run(), new PadWatchMirrorUnload(this, mirror),
                    _options.MirrorLinger, Timeout.InfiniteTimeSpan);
                return;
            }

            RemoveMirrorLocked(mirror);
        }

        mirror.Close();
    }

    private void Unload(PadMirror mirror)
    {
        lock (_gate)
        {
            if (mirror.References > 0 || !RemoveMirrorLocked(mirror))
            {
                return; // Watched again meanwhile, or already gone.
            }

            mirror.LingerTimer?.Dispose();
            mirror.LingerTimer = null;
        }

        mirror.Close();
        LogMirrorUnloaded(_logger, mirror.PadId);
    }

    private bool RemoveMirrorLocked(PadMirror mirror)
    {
        if (_mirrors.TryGetValue(mirror.PadId, out var current) && current == mirror)
        {
            _mirrors.Remove(mirror.PadId);
            return true;
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        PadMirror[] mirrors;
        WatchGrant[] grants;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            mirrors = [.. _mirrors.Values];
            grants = [.. _grants.Values];
            _mirrors.Clear();
            _grants.Clear();
        }

        foreach (var mirror in mirrors)
        {
            mirror.LingerTimer?.Dispose();
            mirror.Close();
        }

        foreach (var grant in grants)
        {
            await grant.CloseAsync().ConfigureAwait(false);
        }
    }

    private sealed class PadWatchGrantCheck(PadWatchService service, WatchGrant grant)
    {
        public void Run() => _ = service.RecheckAsync(grant);
    }

    private sealed class PadWatchMirrorUnload(PadWatchService service, PadMirror mirror)
    {
        public void Run() => service.Unload(mirror);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad mirror {PadId}: loading for the live views")]
    private static partial void LogMirrorLoading(ILogger logger, string padId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad mirror {PadId}: unloaded, nobody watches it")]
    private static partial void LogMirrorUnloaded(ILogger logger, string padId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A watched link was revoked: {Count} live views of it stopped")]
    private static partial void LogRevoked(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking a watched link again failed; the next check retries")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception);
}
