using System.Collections.Immutable;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Pads;

namespace PadHub.Server.Sessions;

/// <summary>An open pad connection of a session link: its access is read live from the runtime at every call.</summary>
internal sealed class SessionPadGate : ISessionPadGate
{
    private readonly Lock _gate = new();
    private readonly SessionRuntime _runtime;
    private readonly Action<Exception> _onError;
    private Func<PadAccessState, ValueTask>? _onChanged;
    private PadAccessState _delivered;
    private PadAccessState? _pending;
    private bool _pumping;
    private bool _disposed;

    public SessionPadGate(SessionRuntime runtime, SessionGrant grant, string padId, Action<Exception> onError)
    {
        _runtime = runtime;
        Grant = grant;
        PadId = padId;
        _onError = onError;
        _delivered = runtime.AccessOf(grant);
    }

    public SessionGrant Grant { get; }

    public string PadId { get; }

    public string SessionId => _runtime.SessionId;

    public PadAccessState Current => _runtime.AccessOf(Grant);

    public void OnChanged(Func<PadAccessState, ValueTask> onChanged)
    {
        lock (_gate)
        {
            _onChanged = onChanged;
        }

        Refresh(); // Anything that changed between the join and now.
    }

    public void Refresh()
    {
        var now = Current;
        lock (_gate)
        {
            if (_disposed || _onChanged is null || now == (_pending ?? _delivered))
            {
                return;
            }

            _pending = now;
            if (_pumping)
            {
                return;
            }

            _pumping = true;
        }

        _ = Task.Run(PumpAsync);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _runtime.RemovePadGate(this);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            PadAccessState next;
            Func<PadAccessState, ValueTask> onChanged;
            lock (_gate)
            {
                if (_disposed || _pending is null || _onChanged is null)
                {
                    _pumping = false;
                    return;
                }

                next = _pending;
                _pending = null;
                _delivered = next;
                onChanged = _onChanged;
            }

            try
            {
                await onChanged(next).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A connection going away must not stop the notification of the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _onError(ex);
            }
        }
    }
}
