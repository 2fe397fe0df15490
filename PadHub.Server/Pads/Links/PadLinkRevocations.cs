using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Links;

/// <summary>
/// The open connections that joined through a stand-alone pad's own link (edit or view), by pad and role, so that
/// replacing the link (<c>POST /api/pads/{padId}/links/{kind}</c>) closes them at once.
/// </summary>
/// <remarks>
/// A join reads <see cref="Version"/> before it resolves its token. A replacement writes the new token first, then calls
/// <see cref="Revoke"/>, which raises the version: a join that resolved the old token just before the write registers
/// after the sweep with an older version and is revoked on the spot, so no connection slips through.
/// </remarks>
internal sealed class PadLinkRevocations
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string PadId, PadRole Role), HashSet<Registration>> _open = [];
    private readonly Dictionary<(string PadId, PadRole Role), long> _revokedAt = [];
    private long _version;

    /// <summary>Read before resolving a token; pass it to <see cref="Register"/>.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Registers a connection of <paramref name="padId"/> joined with a link of <paramref name="role"/>;
    /// <paramref name="revoke"/> runs once if that link is replaced (at once when it already was after <paramref name="seenVersion"/>).
    /// Dispose the result when the connection ends.
    /// </summary>
    public IDisposable Register(string padId, PadRole role, long seenVersion, Action revoke)
    {
        var registration = new Registration(this, (padId, role), revoke);
        bool alreadyRevoked;
        lock (_gate)
        {
            alreadyRevoked = _revokedAt.TryGetValue(registration.Key, out var at) && at > seenVersion;
            if (!alreadyRevoked)
            {
                if (!_open.TryGetValue(registration.Key, out var set))
                {
                    _open[registration.Key] = set = [];
                }

                set.Add(registration);
            }
        }

        if (alreadyRevoked)
        {
            registration.Fire();
        }

        return registration;
    }

    /// <summary>The link of <paramref name="role"/> on <paramref name="padId"/> was replaced: revokes its connections; returns how many.</summary>
    public int Revoke(string padId, PadRole role)
    {
        Registration[] revoked;
        lock (_gate)
        {
            _revokedAt[(padId, role)] = Interlocked.Increment(ref _version);
            revoked = _open.Remove((padId, role), out var set) ? [.. set] : [];
        }

        foreach (var registration in revoked)
        {
            registration.Fire();
        }

        return revoked.Length;
    }

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(registration.Key, out var set) && set.Remove(registration) && set.Count == 0)
            {
                _open.Remove(registration.Key);
            }
        }
    }

    private sealed class Registration(PadLinkRevocations owner, (string PadId, PadRole Role) key, Action revoke) : IDisposable
    {
        private int _fired;

        public (string PadId, PadRole Role) Key { get; } = key;

        public void Fire()
        {
            if (Interlocked.Exchange(ref _fired, 1) == 0)
            {
                revoke();
            }
        }

        public void Dispose() => owner.Remove(this);
    }
}
