using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Questions;

namespace PadHub.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="IQuestionService"/> for component tests: one session's board, every call recorded, the
/// moderator's actions applied (forwarding only marks the question), <see cref="Refuse"/> to make the next call fail.
/// </summary>
internal sealed class FakeQuestionService : IQuestionService
{
    private readonly Lock _gate = new();
    private readonly List<Question> _questions = [];
    private readonly Dictionary<string, HashSet<string>> _votes = new(StringComparer.Ordinal);
    private readonly List<(Func<QuestionBoard, ValueTask> OnChanged, bool SeesHidden)> _watchers = [];
    private readonly DateTimeOffset _now;
    private PadException? _refusal;
    private long _version = 1;
    private bool _closed;
    private int _next;

    public FakeQuestionService(DateTimeOffset now) => _now = now;

    /// <summary>Every call, as "Method:arguments".</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The participant ids asks and votes came with.</summary>
    public List<string> ParticipantIds { get; } = [];

    /// <summary>The next call throws <paramref name="refusal"/>.</summary>
    public void Refuse(PadException refusal) => _refusal = refusal;

    /// <summary>Adds a question as if asked, and publishes.</summary>
    public Question Seed(string text, int votes = 0, string? groupId = null, string? name = null, bool pinned = false, bool hidden = false, bool answered = false)
    {
        Question question;
        lock (_gate)
        {
            question = new Question($"q{++_next}", text, name, null, groupId, votes, _now.AddSeconds(_next), pinned, answered, hidden, null, false);
            _questions.Add(question);
        }

        Publish();
        return question;
    }

    public Task<Question> AskAsync(string token, QuestionAsk ask, CancellationToken cancellationToken = default)
    {
        Record($"Ask:{ask.Text}|{ask.GroupId}|{ask.Name}");
        lock (_gate)
        {
            ParticipantIds.Add(ask.ParticipantId);
        }

        return Task.FromResult(Seed(ask.Text, groupId: ask.GroupId, name: ask.Name));
    }

    public Task<Question> VoteAsync(string token, string participantId, string questionId, bool vote, CancellationToken cancellationToken = default)
    {
        Record($"Vote:{questionId}|{vote}");
        lock (_gate)
        {
            ParticipantIds.Add(participantId);
            var voters = _votes.TryGetValue(questionId, out var set) ? set : _votes[questionId] = new HashSet<string>(StringComparer.Ordinal);
            var changed = vote ? voters.Add(participantId) : voters.Remove(participantId);
            if (changed)
            {
                Change(questionId, q => q with { Votes = q.Votes + (vote ? 1 : -1) });
            }
        }

        Publish();
        return Task.FromResult(Find(questionId));
    }

    public Task<IReadOnlySet<string>> GetVotesAsync(string token, string participantId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(_votes.Where(v => v.Value.Contains(participantId)).Select(v => v.Key).ToHashSet());
        }
    }

    public Task<IQuestionSubscription> WatchAsync(string token, Func<QuestionBoard, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        var seesHidden = token == FakeWorkshopService.ModeratorToken;
        lock (_gate)
        {
            _watchers.Add((onChanged, seesHidden));
            return Task.FromResult<IQuestionSubscription>(new Subscription(this, onChanged, seesHidden, Board(seesHidden)));
        }
    }

    public Task PinAsync(string moderatorToken, string questionId, bool pinned, CancellationToken cancellationToken = default) =>
        Moderate($"Pin:{questionId}|{pinned}", () =>
        {
            for (var i = 0; i < _questions.Count; i++)
            {
                _questions[i] = _questions[i] with { Pinned = pinned && _questions[i].QuestionId == questionId };
            }
        });

    public Task SetAnsweredAsync(string moderatorToken, string questionId, bool answered, CancellationToken cancellationToken = default) =>
        Moderate($"Answered:{questionId}|{answered}", () => Change(questionId, q => q with { Answered = answered }));

    public Task SetHiddenAsync(string moderatorToken, string questionId, bool hidden, CancellationToken cancellationToken = default) =>
        Moderate($"Hidden:{questionId}|{hidden}", () => Change(questionId, q => q with { Hidden = hidden }));

    public Task EditAsync(string moderatorToken, string questionId, string text, CancellationToken cancellationToken = default) =>
        Moderate($"Edit:{questionId}|{text}", () => Change(questionId, q => q with { Text = text, Edited = true }));

    public Task<Question> AddFromElsewhereAsync(string moderatorToken, string text, string source, string? groupId = null, CancellationToken cancellationToken = default)
    {
        Record($"Add:{text}|{source}|{groupId}");
        var question = Seed(text, groupId: groupId);
        lock (_gate)
        {
            Change(question.QuestionId, q => q with { Source = source });
        }

        Publish();
        return Task.FromResult(Find(question.QuestionId));
    }

    public Task ForwardAsync(string moderatorToken, string questionId, string groupId, CancellationToken cancellationToken = default) =>
        Moderate($"Forward:{questionId}|{groupId}", () => Change(questionId, q => q with { ForwardedToGroupId = groupId }));

    public Task SetClosedAsync(string moderatorToken, bool closed, CancellationToken cancellationToken = default) =>
        Moderate($"Closed:{closed}", () => _closed = closed);

    private Task Moderate(string call, Action change)
    {
        Record(call);
        lock (_gate)
        {
            change();
        }

        Publish();
        return Task.CompletedTask;
    }

    private void Record(string call)
    {
        lock (_gate)
        {
            Calls.Add(call);
            if (_refusal is { } refusal)
            {
                _refusal = null;
                throw refusal;
            }
        }
    }

    private void Change(string questionId, Func<Question, Question> change)
    {
        var index = _questions.FindIndex(q => q.QuestionId == questionId);
        _questions[index] = change(_questions[index]);
    }

    private Question Find(string questionId)
    {
        lock (_gate)
        {
            return _questions.Single(q => q.QuestionId == questionId);
        }
    }

    private QuestionBoard Board(bool seesHidden) =>
        new("session-1", _version, _closed, [.. _questions.Where(q => seesHidden || !q.Hidden).OrderByDescending(q => q.Votes).ThenBy(q => q.AskedAt)]);

    private void Publish()
    {
        List<(Func<QuestionBoard, ValueTask> OnChanged, QuestionBoard Board)> deliveries;
        lock (_gate)
        {
            _version++;
            deliveries = [.. _watchers.Select(w => (w.OnChanged, Board(w.SeesHidden)))];
        }

        foreach (var (onChanged, board) in deliveries)
        {
            _ = onChanged(board).AsTask();
        }
    }

    private sealed class Subscription(FakeQuestionService owner, Func<QuestionBoard, ValueTask> onChanged, bool seesHidden, QuestionBoard current) : IQuestionSubscription
    {
        public bool SeesHidden { get; } = seesHidden;

        public QuestionBoard Current { get; } = current;

        public ValueTask DisposeAsync()
        {
            lock (owner._gate)
            {
                owner._watchers.RemoveAll(w => w.OnChanged == onChanged);
            }

            return ValueTask.CompletedTask;
        }
    }
}
