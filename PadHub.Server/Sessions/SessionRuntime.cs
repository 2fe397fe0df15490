using System.Collections.Immutable;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Pads;
using PadHub.Server.Persistence;

namespace PadHub.Server.Sessions;

/// <summary>
/// One session in memory: its live <see cref="SessionState"/>, its live tokens, the watchers of its state and the open
/// pad connections of its links. Loaded from the store on first use and dropped when idle (<see cref="TryRetire"/>);
/// every change goes through the store first, then here, under <see cref="Mutations"/> (one change at a time), so memory
/// never runs ahead of the database.
/// </summary>
internal sealed class SessionRuntime
{
    /// <summary>Why nobody may write once the session has ended (the editor shows its own "Session ended" notice).</summary>
    public const string SessionEndedReason = "The session has ended.";

    /// <summary>Announcements kept in the state (the banner shows the latest).</summary>
    public const int MaxAnnouncements = 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SessionGrant> _grants;
    private readonly Dictionary<string, int> _noteTakerGenerations;
    private ImmutableArray<SessionWatcher> _watchers = [];
    private ImmutableArray<SessionPadGate> _padGates = [];
    private SessionState _state;
    private long _lastUsedTicks;
    private volatile bool _retired;

    public SessionRuntime(StoredSession stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        _lastUsedTicks = now.UtcTicks;
        SessionId = stored.SessionId;
        SealedSecret = stored.SealedLinkSecret;
        AudienceGeneration = stored.AudienceLinkGeneration;
        ResultsGeneration = stored.ResultsLinkGeneration;
        _noteTakerGenerations = stored.Groups.ToDictionary(g => g.Group.GroupId, g => g.NoteTakerLinkGeneration, StringComparer.Ordinal);
        _grants = stored.Tokens.ToDictionary(
            t => Convert.ToHexString(t.TokenHash),
            t => new SessionGrant(Convert.ToHexString(t.TokenHash), t.TokenHash, t.Role, t.GroupId),
            StringComparer.Ordinal);

        var groups = stored.Groups.Select(g => g.Group).ToImmutableArray();
        GroupsByPad = groups.ToImmutableDictionary(g => g.PadId, StringComparer.Ordinal);
        GroupsById = groups.ToImmutableDictionary(g => g.GroupId, StringComparer.Ordinal);
        _state = new SessionState(
            stored.SessionId,
            1,
            stored.Title,
            stored.Description,
            stored.Phases,
            stored.Timer,
            stored.Locked,
            stored.AudienceCanEdit,
            groups,
            stored.Announcements,
            stored.Licence,
            stored.CreditContributors,
            stored.CreatedAt,
            stored.Ended,
            stored.Spotlight,
            stored.Language);
    }

    public string SessionId { get; }

    /// <summary>Serialises changes (facilitation, regeneration): store first, then memory, one at a time.</summary>
    public SemaphoreSlim Mutations { get; } = new(1, 1);

    /// <summary>The link secret sealed under the moderator token (changed only under <see cref="Mutations"/>).</summary>
    public byte[] SealedSecret { get; set; }

    public int AudienceGeneration { get; set; }

    public int ResultsGeneration { get; set; }

    /// <summary>The groups as loaded, by pad: their ids and pads never change (the live rapporteurs are in <see cref="State"/>).</summary>
    public ImmutableDictionary<string, SessionGroup> GroupsByPad { get; }

    /// <summary>The groups as loaded, by id: their ids and pads never change (the live rapporteurs are in <see cref="State"/>).</summary>
    public ImmutableDictionary<string, SessionGroup> GroupsById { get; }

    public SessionState State => Volatile.Read(ref _state);

    /// <summary>True once the idle sweep dropped this runtime: callers load a fresh one from the store.</summary>
    public bool Retired => _retired;

    /// <summary>Notes a use (a token check), which keeps the runtime loaded for another idle timeout.</summary>
    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    /// <summary>
    /// Retires the runtime when it was not used since <paramref name="cutoff"/>, nobody watches it, no pad connection of
    /// its links is open and no change is running; after that it takes no watcher, gate or change (they go to a new one).
    /// </summary>
    public bool TryRetire(DateTimeOffset cutoff)
    {
        if (!Mutations.Wait(0))
        {
            return false;
        }

        try
        {
            lock (_gate)
            {
                if (_retired || Interlocked.Read(ref _lastUsedTicks) > cutoff.UtcTicks || _watchers.Length > 0 || _padGates.Length > 0)
                {
                    return false;
                }

                _retired = true;
                return true;
            }
        }
        finally
        {
            Mutations.Release();
        }
    }

    public IReadOnlyCollection<SessionGrant> Grants
    {
        get
        {
            lock (_gate)
            {
                return [.. _grants.Values];
            }
        }
    }

    public int NoteTakerGeneration(string groupId)
    {
        lock (_gate)
        {
            return _noteTakerGenerations[groupId];
        }
    }

    public SessionGrant? FindGrant(string key)
    {
        lock (_gate)
        {
            return _grants.TryGetValue(key, out var grant) && !grant.Revoked ? grant : null;
        }
    }

    /// <summary>The live grant of a link kind (the one to revoke when it is regenerated).</summary>
    public SessionGrant? FindLiveGrant(SessionRole role, string? groupId)
    {
        lock (_gate)
        {
            return _grants.Values.FirstOrDefault(g => g.Role == role && !g.Revoked && string.Equals(g.GroupId, groupId, StringComparison.Ordinal));
        }
    }

    /// <summary>Publishes a changed state (Version + 1) to every watcher and re-checks every open pad connection.</summary>
    public SessionState Publish(Func<SessionState, SessionState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        SessionState next;
        ImmutableArray<SessionWatcher> watchers;
        ImmutableArray<SessionPadGate> gates;
        lock (_gate)
        {
            next = change(_state) with { Version = _state.Version + 1 };
            Volatile.Write(ref _state, next);
            watchers = _watchers;
            gates = _padGates;
        }

        foreach (var watcher in watchers)
        {
            watcher.Offer(next);
        }

        foreach (var gate in gates)
        {
            gate.Refresh();
        }

        return next;
    }

    /// <summary>Revokes <paramref name="old"/> (if any) at once and makes <paramref name="replacement"/> live.</summary>
    public void ReplaceGrant(SessionGrant? old, SessionGrant replacement, int? noteTakerGeneration)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        ImmutableArray<SessionWatcher> watchers;
        ImmutableArray<SessionPadGate> gates;
        lock (_gate)
        {
            _grants[replacement.Key] = replacement;
            if (noteTakerGeneration is { } generation && replacement.GroupId is { } groupId)
            {
                _noteTakerGenerations[groupId] = generation;
            }

            if (old is null)
            {
                return;
            }

            old.Revoke();
            _grants.Remove(old.Key);
            watchers = [.. _watchers.Where(w => ReferenceEquals(w.Grant, old))];
            _watchers = _watchers.RemoveAll(w => ReferenceEquals(w.Grant, old));
            gates = _padGates;
        }

        // A revoked link stops following the session, and its open pads learn it at once (then close).
        foreach (var watcher in watchers)
        {
            watcher.Stop();
        }

        foreach (var gate in gates.Where(g => ReferenceEquals(g.Grant, old)))
        {
            gate.Refresh();
        }
    }

    /// <summary>A new watcher, or null when the runtime is retired.</summary>
    public SessionWatcher? AddWatcher(SessionGrant grant, Func<SessionState, ValueTask> onChanged, Action<Exception> onError)
    {
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }

            var watcher = new SessionWatcher(this, grant, _state, onChanged, onError);
            _watchers = _watchers.Add(watcher);
            return watcher;
        }
    }

    public void RemoveWatcher(SessionWatcher watcher)
    {
        lock (_gate)
        {
            _watchers = _watchers.Remove(watcher);
        }
    }

    /// <summary>A new pad gate, or null when the runtime is retired.</summary>
    public SessionPadGate? AddPadGate(SessionGrant grant, string padId, Action<Exception> onError)
    {
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }

            var gate = new SessionPadGate(this, grant, padId, onError);
            _padGates = _padGates.Add(gate);
            return gate;
        }
    }

    public void RemovePadGate(SessionPadGate gate)
    {
        lock (_gate)
        {
            _padGates = _padGates.Remove(gate);
        }
    }

    /// <summary>What <paramref name="grant"/> may do in a pad of this session now.</summary>
    public PadAccessState AccessOf(SessionGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var state = State;
        var role = grant.Role switch
        {
            SessionRole.Moderator or SessionRole.NoteTaker => PadRole.Editor,
            SessionRole.Audience when state.AudienceCanEdit => PadRole.Editor,

            // The results link is published widely: it only ever reads, whatever the session allows the audience.
            _ => PadRole.Viewer,
        };
        if (grant.Revoked)
        {
            return new PadAccessState(role, false, "This link was replaced by the moderator and no longer works.", Revoked: true);
        }

        if (role == PadRole.Viewer)
        {
            return new PadAccessState(role, false, grant.Role == SessionRole.Results
                ? "The results link only allows reading the pads."
                : "This audience link only allows following the pads.");
        }

        if (state.Ended is not null)
        {
            return new PadAccessState(role, false, SessionEndedReason, SessionEnded: true);
        }

        return state.Locked ? new PadAccessState(role, false, "The moderator locked the pads.") : new PadAccessState(role, true, null);
    }
}
