using System.Collections.Immutable;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Pads;

namespace PadHub.Server.Sessions;

/// <summary>
/// One watcher of a session's state. Delivery is latest-wins: a new state replaces one not yet delivered, so a slow
/// watcher never queues up and never holds up the others or the moderator; callbacks run in version order, one at a time.
/// </summary>
internal sealed class SessionWatcher : ISessionSubscription
{
    private readonly Lock _gate = new();
    private readonly SessionRuntime _runtime;
    private readonly Func<SessionState, ValueTask> _onChanged;
    private readonly Action<Exception> _onError;
    private SessionState _current;
    private SessionState? _pending;
    private bool _pumping;
    private bool _stopped;

    public SessionWatcher(SessionRuntime runtime, SessionGrant grant, SessionState current, Func<SessionState, ValueTask> onChanged, Action<Exception> onError)
    {
        _runtime = runtime;
        Grant = grant;
        _current = current;
        _onChanged = onChanged;
        _onError = onError;
        Access = new SessionAccess(runtime.SessionId, grant.Role, grant.GroupId);
    }

    public SessionGrant Grant { get; }

    public SessionAccess Access { get; }

    public SessionState Current => Volatile.Read(ref _current);

    public void Offer(SessionState state)
    {
        lock (_gate)
        {
            if (_stopped || state.Version <= (_pending ?? _current).Version)
            {
                return;
            }

            _pending = state;
            if (_pumping)
            {
                return;
            }

            _pumping = true;
        }

        _ = Task.Run(PumpAsync);
    }

    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _pending = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _runtime.RemoveWatcher(this);
        return ValueTask.CompletedTask;
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            SessionState next;
            lock (_gate)
            {
                if (_stopped || _pending is null)
                {
                    _pumping = false;
                    return;
                }

                next = _pending;
                _pending = null;
                Volatile.Write(ref _current, next);
            }

            try
            {
                await _onChanged(next).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failing view must not stop the session's other watchers or this one's next states.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _onError(ex);
            }
        }
    }
}
