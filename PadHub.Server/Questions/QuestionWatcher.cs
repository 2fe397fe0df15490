using PadHub.Components.Contracts.Questions;
using PadHub.Server.Concurrency;

namespace PadHub.Server.Questions;

/// <summary>
/// One watcher of a session's questions: latest-wins delivery in version order (<see cref="LatestValuePump{T}"/>), so a
/// slow page never queues up and never holds up the others or the moderator.
/// </summary>
internal sealed class QuestionWatcher : IQuestionSubscription
{
    private readonly QuestionRoom _room;
    private readonly LatestValuePump<QuestionBoard> _pump;

    public QuestionWatcher(QuestionRoom room, bool seesHidden, QuestionBoard current, Func<QuestionBoard, ValueTask> onChanged, Action<Exception> onError)
    {
        _room = room;
        SeesHidden = seesHidden;
        _pump = new LatestValuePump<QuestionBoard>(current, onChanged, onError, static (latest, next) => next.Version > latest.Version);
    }

    public bool SeesHidden { get; }

    public QuestionBoard Current => _pump.Current;

    public void Offer(QuestionBoard board) => _pump.Post(board);

    public ValueTask DisposeAsync()
    {
        _pump.Stop();
        _room.RemoveWatcher(this);
        return ValueTask.CompletedTask;
    }
}
