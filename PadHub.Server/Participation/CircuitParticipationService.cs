using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;

namespace PadHub.Server.Participation;

/// <summary>
/// A circuit's view of <see cref="ParticipationService"/> (scoped: one per Blazor circuit). It delegates everything and
/// keeps the circuit's follows, so that while the circuit's connection is down (a closed tab, a phone gone to sleep)
/// they stop counting at once, and count again when it comes back (<see cref="ParticipationCircuitHandler"/>); a
/// circuit that dies disposes its components, and with them its follows.
/// </summary>
internal sealed class CircuitParticipationService(ParticipationService inner) : IParticipationService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<CircuitFollow> _follows = [];
    private bool _down;

    public async Task<IGroupFollow> FollowAsync(string token, string? groupId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var follow = new CircuitFollow(this, token, groupId, _down ? null : await inner.FollowAsync(token, groupId, cancellationToken).ConfigureAwait(false));
            _follows.Add(follow);
            return follow;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<HelpCall> CallModeratorAsync(string token, string padId, string? message, CancellationToken cancellationToken = default) =>
        inner.CallModeratorAsync(token, padId, message, cancellationToken);

    public Task AcknowledgeHelpCallAsync(string moderatorToken, string groupId, CancellationToken cancellationToken = default) =>
        inner.AcknowledgeHelpCallAsync(moderatorToken, groupId, cancellationToken);

    public Task<IParticipationSubscription> WatchAsync(string token, Func<ParticipationState, ValueTask> onChanged, CancellationToken cancellationToken = default) =>
        inner.WatchAsync(token, onChanged, cancellationToken);

    /// <summary>The circuit lost its connection: its follows stop counting.</summary>
    public Task ConnectionDownAsync() => SetDownAsync(true);

    /// <summary>The circuit is connected again: its follows count again (those whose link still works).</summary>
    public Task ConnectionUpAsync() => SetDownAsync(false);

    public void Dispose() => _gate.Dispose();

    private async Task SetDownAsync(bool down)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _down = down;
            foreach (var follow in _follows)
            {
                if (down)
                {
                    await follow.SuspendAsync().ConfigureAwait(false);
                }
                else
                {
                    await follow.ResumeAsync(inner).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> alone with the circuit's connection changes.</summary>
    private async Task ExclusiveAsync(Func<Task> action)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A page's follow that can be set aside while the circuit is away and taken up again.</summary>
    private sealed class CircuitFollow(CircuitParticipationService owner, string token, string? groupId, IGroupFollow? live) : IGroupFollow
    {
        private IGroupFollow? _live = live;
        private bool _disposed;

        public string? GroupId { get; private set; } = groupId;

        public Task ChangeAsync(string? groupId, CancellationToken cancellationToken = default) => owner.ExclusiveAsync(async () =>
        {
            if (_live is not null)
            {
                await _live.ChangeAsync(groupId, cancellationToken).ConfigureAwait(false);
            }

            GroupId = groupId;
        });

        public async Task SuspendAsync()
        {
            if (_live is not null)
            {
                await _live.DisposeAsync().ConfigureAwait(false);
                _live = null;
            }
        }

        public async Task ResumeAsync(ParticipationService service)
        {
            if (_live is not null || _disposed)
            {
                return;
            }

            try
            {
                _live = await service.FollowAsync(token, GroupId).ConfigureAwait(false);
            }
            catch (PadException)
            {
                // The link was revoked while away (or the group is gone): this page no longer counts.
            }
        }

        public async ValueTask DisposeAsync() => await owner.ExclusiveAsync(async () =>
        {
            _disposed = true;
            owner._follows.Remove(this);
            await SuspendAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
