using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Concurrency;

namespace PadHub.Server.Sessions;

/// <summary>
/// One watcher of a session's state. Delivery is latest-wins (<see cref="LatestValuePump{T}"/>): a new state replaces one
/// not yet delivered, so a slow watcher never queues up and never holds up the others or the moderator; callbacks run in
/// version order, one at a time, and an older version than the one already seen is never delivered.
/// </summary>
internal sealed class SessionWatcher : ISessionSubscription
{
    private readonly SessionRuntime _runtime;
    private readonly LatestValuePump<SessionState> _pump;

    public SessionWatcher(SessionRuntime runtime, SessionGrant grant, SessionState current, Func<SessionState, ValueTask> onChanged, Action<Exception> onError)
    {
        _runtime = runtime;
        Grant = grant;
        Access = new SessionAccess(runtime.SessionId, grant.Role, grant.GroupId);
        _pump = new LatestValuePump<SessionState>(current, onChanged, onError, static (latest, next) => next.Version > latest.Version);
    }

    public SessionGrant Grant { get; }

    public SessionAccess Access { get; }

    public SessionState Current => _pump.Current;

    public void Offer(SessionState state) => _pump.Post(state);

    public void Stop() => _pump.Stop();

    public ValueTask DisposeAsync()
    {
        Stop();
        _runtime.RemoveWatcher(this);
        return ValueTask.CompletedTask;
    }
}
