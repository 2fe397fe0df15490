using PadHub.Components.Contracts.Participation;
using PadHub.Server.Concurrency;

namespace PadHub.Server.Participation;

/// <summary>
/// One watcher of a session's participation, latest-wins (<see cref="LatestValuePump{T}"/>), in version order. A
/// note-taker's watcher sees only its own group's call.
/// </summary>
internal sealed class ParticipationWatcher : IParticipationSubscription
{
    private readonly SessionParticipation _session;
    private readonly string? _onlyGroupId;
    private readonly LatestValuePump<ParticipationState> _pump;

    public ParticipationWatcher(
        SessionParticipation session, string? onlyGroupId, ParticipationState current, Func<ParticipationState, ValueTask> onChanged, Action<Exception> onError)
    {
        _session = session;
        _onlyGroupId = onlyGroupId;
        _pump = new LatestValuePump<ParticipationState>(Filter(current), onChanged, onError, static (latest, next) => next.Version > latest.Version);
    }

    public ParticipationState Current => _pump.Current;

    public void Offer(ParticipationState state) => _pump.Post(Filter(state));

    public ValueTask DisposeAsync()
    {
        _pump.Stop();
        _session.RemoveWatcher(this);
        return ValueTask.CompletedTask;
    }

    private ParticipationState Filter(ParticipationState state) =>
        _onlyGroupId is null ? state : state with { HelpCalls = [.. state.HelpCalls.Where(c => string.Equals(c.GroupId, _onlyGroupId, StringComparison.Ordinal))] };
}
