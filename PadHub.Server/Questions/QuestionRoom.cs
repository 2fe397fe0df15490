using System.Collections.Immutable;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Hosting;
using PadHub.Server.Persistence;

namespace PadHub.Server.Questions;

/// <summary>
/// One session's questions in memory: the questions, who votes for what, the closed state, the boards every watcher
/// gets and the rate limits. Changes run one at a time (<see cref="Mutations"/>), are written to the store first and
/// only then applied here and published: memory never runs ahead of the database.
/// </summary>
internal sealed class QuestionRoom
{
    // Buckets are forgotten past this many keys (a flood of fresh participant ids); the session-wide bucket still holds.
    private const int MaxBuckets = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredQuestion> _questions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _voters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _askBuckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _voteBuckets = new(StringComparer.Ordinal);
    private readonly List<QuestionWatcher> _watchers = [];
    private readonly TokenBucket _sessionAsks;
    private readonly QuestionOptions _options;
    private readonly TimeProvider _time;
    private QuestionBoard _full;
    private QuestionBoard _public;
    private long _lastUsedTicks;

    public QuestionRoom(string sessionId, IReadOnlyList<SessionGroup> groups, StoredQuestions stored, QuestionOptions options, TimeProvider time)
    {
        SessionId = sessionId;
        Groups = groups.ToImmutableDictionary(g => g.GroupId, StringComparer.Ordinal);
        _options = options;
        _time = time;
        _sessionAsks = new TokenBucket(options.SessionAsksPerMinute / 60.0, options.SessionAsksPerMinute, time);
        Closed = stored.Closed;
        foreach (var question in stored.Questions)
        {
            _questions[question.QuestionId] = question;
            _voters[question.QuestionId] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var vote in stored.Votes)
        {
            if (_voters.TryGetValue(vote.QuestionId, out var voters))
            {
                voters.Add(vote.ParticipantKey);
            }
        }

        (_full, _public) = BuildBoards(0);
        Touch();
    }

    public string SessionId { get; }

    /// <summary>The session's groups (fixed when the session was created).</summary>
    public ImmutableDictionary<string, SessionGroup> Groups { get; }

    /// <summary>Changes to this session's questions run one at a time.</summary>
    public SemaphoreSlim Mutations { get; } = new(1, 1);

    /// <summary>Dropped from memory by the idle sweep: a caller holding it loads a fresh one.</summary>
    public bool Retired { get; private set; }

    public bool Closed { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _questions.Count;
            }
        }
    }

    public StoredQuestion? Find(string questionId)
    {
        lock (_gate)
        {
            return _questions.GetValueOrDefault(questionId);
        }
    }

    public bool Votes(string questionId, string participantKey)
    {
        lock (_gate)
        {
            return _voters.TryGetValue(questionId, out var voters) && voters.Contains(participantKey);
        }
    }

    public IReadOnlySet<string> VotesOf(string participantKey)
    {
        lock (_gate)
        {
            return _voters.Where(v => v.Value.Contains(participantKey) && !_questions[v.Key].Hidden).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        }
    }

    public QuestionBoard Board(bool seesHidden) => seesHidden ? Volatile.Read(ref _full) : Volatile.Read(ref _public);

    public Question ToQuestion(string questionId)
    {
        lock (_gate)
        {
            return ToQuestion(_questions[questionId]);
        }
    }

    /// <summary>Takes one ask from each key's bucket and the session's; false (nothing taken from the session) when one is empty.</summary>
    public bool TryTakeAsk(IEnumerable<string> keys) =>
        TryTake(_askBuckets, keys, _options.AsksPerMinute / 60.0, _options.AskBurst) && _sessionAsks.TryTake();

    public bool TryTakeVote(IEnumerable<string> keys) => TryTake(_voteBuckets, keys, _options.VotesPerSecond, _options.VoteBurst);

    public void Put(StoredQuestion question)
    {
        lock (_gate)
        {
            if (!_voters.ContainsKey(question.QuestionId))
            {
                _voters[question.QuestionId] = new HashSet<string>(StringComparer.Ordinal);
            }

            _questions[question.QuestionId] = question;
        }
    }

    public void Pin(string? questionId)
    {
        lock (_gate)
        {
            foreach (var question in _questions.Values.ToList())
            {
                var pinned = string.Equals(question.QuestionId, questionId, StringComparison.Ordinal);
                if (question.Pinned != pinned)
                {
                    _questions[question.QuestionId] = question with { Pinned = pinned };
                }
            }
        }
    }

    public void SetVote(string questionId, string participantKey, bool vote)
    {
        lock (_gate)
        {
            var voters = _voters[questionId];
            _ = vote ? voters.Add(participantKey) : voters.Remove(participantKey);
        }
    }

    public void SetClosed(bool closed)
    {
        lock (_gate)
        {
            Closed = closed;
        }
    }

    /// <summary>Builds the new boards and offers them to every watcher.</summary>
    public void Publish()
    {
        QuestionWatcher[] watchers;
        lock (_gate)
        {
            (_full, _public) = BuildBoards(_full.Version + 1);
            watchers = [.. _watchers];
        }

        foreach (var watcher in watchers)
        {
            watcher.Offer(watcher.SeesHidden ? _full : _public);
        }
    }

    public QuestionWatcher? AddWatcher(bool seesHidden, Func<QuestionBoard, ValueTask> onChanged, Action<Exception> onError)
    {
        lock (_gate)
        {
            if (Retired)
            {
                return null;
            }

            var watcher = new QuestionWatcher(this, seesHidden, seesHidden ? _full : _public, onChanged, onError);
            _watchers.Add(watcher);
            Touch();
            return watcher;
        }
    }

    public void RemoveWatcher(QuestionWatcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
            Touch();
        }
    }

    public void Touch() => Interlocked.Exchange(ref _lastUsedTicks, _time.GetUtcNow().UtcTicks);

    /// <summary>Retires the room when nobody watches it, no change runs and it was last used before <paramref name="cutoff"/>.</summary>
    public bool TryRetire(DateTimeOffset cutoff)
    {
        if (Interlocked.Read(ref _lastUsedTicks) >= cutoff.UtcTicks || !Mutations.Wait(0))
        {
            return false;
        }

        try
        {
            lock (_gate)
            {
                if (_watchers.Count > 0)
                {
                    return false;
                }

                Retired = true;
                return true;
            }
        }
        finally
        {
            Mutations.Release();
        }
    }

    private bool TryTake(Dictionary<string, TokenBucket> buckets, IEnumerable<string> keys, double rate, double burst)
    {
        lock (_gate)
        {
            if (buckets.Count > MaxBuckets)
            {
                buckets.Clear();
            }

            var ok = true;
            foreach (var key in keys)
            {
                if (!buckets.TryGetValue(key, out var bucket))
                {
                    bucket = new TokenBucket(rate, burst, _time);
                    buckets[key] = bucket;
                }

                ok &= bucket.TryTake();
            }

            return ok;
        }
    }

    private (QuestionBoard Full, QuestionBoard Public) BuildBoards(long version)
    {
        var ordered = _questions.Values
            .Select(ToQuestion)
            .OrderByDescending(q => q.Votes)
            .ThenBy(q => q.AskedAt)
            .ThenBy(q => q.QuestionId, StringComparer.Ordinal)
            .ToImmutableArray();
        return (new QuestionBoard(SessionId, version, Closed, ordered),
                new QuestionBoard(SessionId, version, Closed, [.. ordered.Where(q => !q.Hidden)]));
    }

    private Question ToQuestion(StoredQuestion q) =>
        new(q.QuestionId, q.Text, q.Name, q.Source, q.GroupId, _voters[q.QuestionId].Count, q.AskedAt, q.Pinned, q.Answered, q.Hidden, q.ForwardedToGroupId, q.Edited);
}
