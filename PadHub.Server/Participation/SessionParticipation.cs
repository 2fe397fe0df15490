using System.Collections.Immutable;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;

namespace PadHub.Server.Participation;

/// <summary>
/// One session's participation in memory: the live follows (one per audience page), each group's latest help call and
/// the watchers. Everything runs under one short lock and publishes a new immutable <see cref="ParticipationState"/>;
/// nothing here is stored (a restart forgets who follows and open calls, which live pages re-create). Dropped by
/// <see cref="ParticipationService"/> once idle: no follow, no watcher, no open call.
/// </summary>
internal sealed class SessionParticipation(string sessionId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, string?> _follows = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HelpCall> _calls = new(StringComparer.Ordinal);
    private ImmutableArray<ParticipationWatcher> _watchers = [];
    private ParticipationState _state = ParticipationState.Empty;
    private long _nextFollowId;

    public string SessionId { get; } = sessionId;

    /// <summary>Set once dropped: callers holding it go back to the service for a fresh one.</summary>
    public bool Retired { get; private set; }

    public ParticipationState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>A new follow's id, or null when retired.</summary>
    public long? AddFollow(string? groupId)
    {
        lock (_gate)
        {
            if (Retired)
            {
                return null;
            }

            if (_follows.Count >= ParticipationLimits.MaxFollowersPerSession)
            {
                throw new PadException(PadErrorCodes.TooLarge, "This session has too many followers to count another one.");
            }

            var id = ++_nextFollowId;
            _follows.Add(id, groupId);
            Count(groupId, +1);
            Publish();
            return id;
        }
    }

    public void ChangeFollow(long followId, string? groupId)
    {
        lock (_gate)
        {
            if (!_follows.TryGetValue(followId, out var previous) || string.Equals(previous, groupId, StringComparison.Ordinal))
            {
                return;
            }

            _follows[followId] = groupId;
            Count(previous, -1);
            Count(groupId, +1);
            Publish();
        }
    }

    public void RemoveFollow(long followId)
    {
        lock (_gate)
        {
            if (_follows.Remove(followId, out var previous))
            {
                Count(previous, -1);
                Publish();
            }
        }
    }

    /// <summary>Records a new open call for the group, unless it called less than the interval ago.</summary>
    /// <returns>The call, or null when retired.</returns>
    public HelpCall? Call(string groupId, string? message, DateTimeOffset now, string callId)
    {
        lock (_gate)
        {
            if (Retired)
            {
                return null;
            }

            if (_calls.TryGetValue(groupId, out var last) && now - last.CalledAt < ParticipationLimits.HelpCallInterval)
            {
                throw new PadException(PadErrorCodes.RateLimited,
                    $"This group called the moderator less than {ParticipationLimits.HelpCallInterval.TotalSeconds:0} seconds ago. Wait a moment before calling again.");
            }

            var call = new HelpCall(callId, groupId, message, now);
            _calls[groupId] = call;
            Publish();
            return call;
        }
    }

    public void Acknowledge(string groupId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_calls.TryGetValue(groupId, out var call) && call.IsOpen)
            {
                _calls[groupId] = call with { SeenAt = now };
                Publish();
            }
        }
    }

    /// <summary>Adds a watcher, or null when retired.</summary>
    public ParticipationWatcher? AddWatcher(Func<ParticipationWatcher> create)
    {
        lock (_gate)
        {
            if (Retired)
            {
                return null;
            }

            var watcher = create();
            _watchers = _watchers.Add(watcher);
            return watcher;
        }
    }

    public void RemoveWatcher(ParticipationWatcher watcher)
    {
        lock (_gate)
        {
            _watchers = _watchers.Remove(watcher);
        }
    }

    /// <summary>Retires this session's participation when nothing depends on it; true when it did.</summary>
    public bool TryRetire()
    {
        lock (_gate)
        {
            if (_follows.Count > 0 || _watchers.Length > 0 || _calls.Values.Any(c => c.IsOpen))
            {
                return false;
            }

            Retired = true;
            return true;
        }
    }

    private void Count(string? groupId, int delta)
    {
        if (groupId is null)
        {
            return;
        }

        var count = (_counts.TryGetValue(groupId, out var current) ? current : 0) + delta;
        if (count <= 0)
        {
            _counts.Remove(groupId);
        }
        else
        {
            _counts[groupId] = count;
        }
    }

    // Under the lock: watchers are posted to without waiting (latest-wins), so a slow page never holds anyone up.
    private void Publish()
    {
        _state = new ParticipationState(
            _state.Version + 1,
            new Dictionary<string, int>(_counts, StringComparer.Ordinal),
            [.. _calls.Values.OrderBy(c => c.CalledAt)]);
        foreach (var watcher in _watchers)
        {
            watcher.Offer(_state);
        }
    }
}
