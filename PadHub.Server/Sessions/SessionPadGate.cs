using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Concurrency;
using PadHub.Server.Pads;

namespace PadHub.Server.Sessions;

/// <summary>
/// An open pad connection of a session link: its access is read live from the runtime at every call, and a change is
/// delivered latest-wins (<see cref="LatestValuePump{T}"/>) to the connection's callback, one at a time.
/// </summary>
internal sealed class SessionPadGate : ISessionPadGate
{
    private readonly SessionRuntime _runtime;
    private readonly LatestValuePump<PadAccessState> _pump;
    private Func<PadAccessState, ValueTask>? _onChanged;

    public SessionPadGate(SessionRuntime runtime, SessionGrant grant, string padId, Action<Exception> onError)
    {
        _runtime = runtime;
        Grant = grant;
        PadId = padId;
        _pump = new LatestValuePump<PadAccessState>(runtime.AccessOf(grant), Deliver, onError, static (latest, next) => next != latest);
    }

    public SessionGrant Grant { get; }

    public string PadId { get; }

    public string SessionId => _runtime.SessionId;

    public SessionRole LinkRole => Grant.Role;

    public PadAccessState Current => _runtime.AccessOf(Grant);

    public PadCommentRights CommentRights
    {
        get
        {
            var state = _runtime.State;
            if (Grant.Revoked || state.Ended is not null)
            {
                return PadCommentRights.None;
            }

            // Note-takers and the moderator always; the audience when the session lets it, even when it cannot edit.
            return Grant.Role switch
            {
                SessionRole.Moderator or SessionRole.NoteTaker => new PadCommentRights(CanComment: true, CanResolve: true),
                SessionRole.Audience when state.AudienceCanComment => new PadCommentRights(CanComment: true, CanResolve: false),
                _ => PadCommentRights.None,
            };
        }
    }

    public void OnChanged(Func<PadAccessState, ValueTask> onChanged)
    {
        Volatile.Write(ref _onChanged, onChanged);
        Refresh(); // Anything that changed between the join and now.
    }

    public void Refresh()
    {
        // Nothing to tell before the connection listens: OnChanged then compares with the access it joined with.
        if (Volatile.Read(ref _onChanged) is not null)
        {
            _pump.Post(Current);
        }
    }

    public void Dispose()
    {
        _pump.Stop();
        _runtime.RemovePadGate(this);
    }

    private ValueTask Deliver(PadAccessState access) => Volatile.Read(ref _onChanged)!(access);
}
