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
/// resolution anywhere (a new watch with the old token) stops them at once. By concern: the watches here, the tokens'
/// grants and their rechecks in PadWatchService.Grants.cs, the mirrors' reference counts and linger in
/// PadWatchService.Mirrors.cs, a stand-alone pad's own links in PadWatchService.PadLinks.cs.
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
}
