using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;

namespace PadHub.Tests.Fakes;

/// <summary>
/// An in-memory stand-in for the participation service in bUnit tests: follows and calls are recorded
/// (<see cref="Follows"/>, <see cref="Calls"/>, <see cref="Acknowledged"/>), and <see cref="Publish"/> pushes a state
/// to every watcher. Tokens are not checked, except <see cref="RefusedToken"/>, which every method refuses <c>forbidden</c>.
/// </summary>
internal sealed class FakeParticipationService : IParticipationService
{
    public const string RefusedToken = "refused-token";

    private readonly Lock _gate = new();
    private readonly List<Watch> _watches = [];
    private ParticipationState _state = ParticipationState.Empty;

    /// <summary>Each live follow's group (null: none), by follow; disposed follows are removed.</summary>
    public List<Follow> Follows { get; } = [];

    public List<(string Token, string PadId, string? Message)> Calls { get; } = [];

    public List<(string Token, string GroupId)> Acknowledged { get; } = [];

    /// <summary>The next call is refused with this code, once.</summary>
    public string? RefuseNextCallWith { get; set; }

    public Task<IGroupFollow> FollowAsync(string token, string? groupId, CancellationToken cancellationToken = default)
    {
        Refuse(token);
        var follow = new Follow(this, groupId);
        lock (_gate)
        {
            Follows.Add(follow);
        }

        return Task.FromResult<IGroupFollow>(follow);
    }

    public Task<HelpCall> CallModeratorAsync(string token, string padId, string? message, CancellationToken cancellationToken = default)
    {
        Refuse(token);
        if (RefuseNextCallWith is { } code)
        {
            RefuseNextCallWith = null;
            throw new PadException(code, "Refused by the fake.");
        }

        lock (_gate)
        {
            Calls.Add((token, padId, message));
        }

        return Task.FromResult(new HelpCall($"call-{Calls.Count}", "g1", message, DateTimeOffset.UnixEpoch));
    }

    public Task AcknowledgeHelpCallAsync(string moderatorToken, string groupId, CancellationToken cancellationToken = default)
    {
        Refuse(moderatorToken);
        lock (_gate)
        {
            Acknowledged.Add((moderatorToken, groupId));
        }

        return Task.CompletedTask;
    }

    public Task<IParticipationSubscription> WatchAsync(string token, Func<ParticipationState, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        Refuse(token);
        lock (_gate)
        {
            var watch = new Watch(this, onChanged, _state);
            _watches.Add(watch);
            return Task.FromResult<IParticipationSubscription>(watch);
        }
    }

    /// <summary>Publishes <paramref name="state"/> (its version is taken as given) to every watcher.</summary>
    public async Task Publish(ParticipationState state)
    {
        List<Watch> watches;
        lock (_gate)
        {
            _state = state;
            watches = [.. _watches];
        }

        foreach (var watch in watches)
        {
            watch.Current = state;
            await watch.OnChanged(state);
        }
    }

    public int WatchCount
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    private static void Refuse(string token)
    {
        if (token == RefusedToken)
        {
            throw new PadException(PadErrorCodes.Forbidden, "Refused by the fake.");
        }
    }

    internal sealed class Follow(FakeParticipationService owner, string? groupId) : IGroupFollow
    {
        public string? GroupId { get; private set; } = groupId;

        public Task ChangeAsync(string? groupId, CancellationToken cancellationToken = default)
        {
            GroupId = groupId;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            lock (owner._gate)
            {
                owner.Follows.Remove(this);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class Watch(FakeParticipationService owner, Func<ParticipationState, ValueTask> onChanged, ParticipationState current) : IParticipationSubscription
    {
        public ParticipationState Current { get; set; } = current;

        public Func<ParticipationState, ValueTask> OnChanged { get; } = onChanged;

        public ValueTask DisposeAsync()
        {
            lock (owner._gate)
            {
                owner._watches.Remove(this);
            }

            return ValueTask.CompletedTask;
        }
    }
}
