using System.Collections.Immutable;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Fanout;

namespace PadHub.Server.Pads.Watch;

/// <summary>
/// This process's one read-only copy of a pad for the live views, however many of them watch it. It loads the head
/// state from the authority, then applies every committed operation in revision order as the fan-out reports it (as a
/// hidden observer: never in the presence list), and publishes an immutable <see cref="PadWatchSnapshot"/> at most once
/// per <see cref="PadWatchOptions.NotifyInterval"/>, building the text string only then, never per operation.
/// </summary>
/// <remarks>
/// The commit path only takes a short lock to apply an operation to a gap buffer (O(1) for a keystroke next to the
/// previous one) and count it; the snapshot (one copy of the text) is built by a timer, and watchers are notified on
/// their own loops (<see cref="PadWatch"/>), so a slow view never delays the pad, the mirror or other views. A gap in the
/// revisions or an operation that does not fit the text (which should not happen) makes the mirror reload from the
/// authority; operations arriving meanwhile are kept and applied after the reloaded state.
/// </remarks>
internal sealed partial class PadMirror : IPadFanoutObserver
{
    private const int BucketCount = 5;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly IPadAuthority _authority;
    private readonly PadFanout _fanout;
    private readonly PadWatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _timer;
    private readonly Dictionary<string, DateTimeOffset> _lastEditByAuthor = new(StringComparer.Ordinal);
    private readonly long[] _bucketMinutes = [long.MinValue, long.MinValue, long.MinValue, long.MinValue, long.MinValue];
    private readonly int[] _bucketCounts = new int[BucketCount];
    private ImmutableArray<PadWatch> _watchers = [];
    private IDisposable? _observation;

    // Non-null while (re)loading: operations reported meanwhile, applied after the loaded state.
    private List<CommittedOperation>? _pending = [];
    private GapBuffer _text = new();
    private int _revision;
    private DateTimeOffset? _lastEditAt;
    private bool _dirty;
    private bool _textDirty;
    private bool _participantsDirty = true;
    private bool _publishQueued;
    private DateTimeOffset? _timerDue;
    private DateTimeOffset _lastPublishAt = DateTimeOffset.MinValue;
    private DateTimeOffset? _activityDue;
    private PadWatchSnapshot? _current;
    private bool _closed;

    public PadMirror(string padId, IPadAuthority authority, PadFanout fanout, PadWatchOptions options, TimeProvider time, ILogger logger)
    {
        PadId = padId;
        _authority = authority;
        _fanout = fanout;
        _options = options;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(static state => ((PadMirror)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string PadId { get; }

    /// <summary>Completes once the first state is loaded and published (faulted when the pad could not be read).</summary>
    public Task Loaded => _loaded.Task;

    /// <summary>The latest published snapshot (after <see cref="Loaded"/>).</summary>
    public PadWatchSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The mirror is not loaded yet.");

    /// <summary>Watches holding this mirror; guarded by <see cref="PadWatchService"/>'s lock.</summary>
    public int References { get; set; }

    /// <summary>The pending unload once nobody watches; guarded by <see cref="PadWatchService"/>'s lock.</summary>
    public ITimer? LingerTimer { get; set; }

    /// <summary>Times the state was read from the authority (tests).</summary>
    public int LoadCount { get; private set; }

    /// <summary>Starts following the pad and loads its head state.</summary>
    public void Start()
    {
        // Observe before reading the state: an operation committed in between is reported, then skipped or applied.
        _observation = _fanout.Observe(PadId, this);
        _ = LoadAsync();
    }

    public void AddWatcher(PadWatch watch)
    {
        lock (_gate)
        {
            _watchers = _watchers.Add(watch);
        }
    }

    public void RemoveWatcher(PadWatch watch)
    {
        lock (_gate)
        {
            _watchers = _watchers.Remove(watch);
        }
    }

    public void OnCommitted(IReadOnlyList<CommittedOperation> operations)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            if (_pending is not null)
            {
                _pending.AddRange(operations);
                return;
            }

            foreach (var operation in operations)
            {
                if (!ApplyLocked(operation))
                {
                    BeginReloadLocked(operation.Revision);
                    return;
                }
            }

            ScheduleLocked();
        }
    }

    public void OnParticipantsChanged()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _participantsDirty = true;
            _dirty = true;
            ScheduleLocked();
        }
    }

    /// <summary>Stops following the pad; nothing is published any more.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _watchers = [];
        }

        _observation?.Dispose();
        _timer.Dispose();
        _loaded.TrySetException(new ObjectDisposedException(nameof(PadMirror)));
    }

    private async Task LoadAsync()
    {
        while (true)
        {
            PadStateResult state;
            try
            {
                LoadCount++;
                state = await _authority.GetStateAsync(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The first load's failure goes to the first watchers; a reload's is retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (_loaded.TrySetException(ex))
                {
                    return;
                }

                LogReloadFailed(_logger, PadId, ex);
                await Task.Delay(_options.ReloadRetryDelay, _time).ConfigureAwait(false);
                if (Volatile.Read(ref _closed))
                {
                    return;
                }

                continue;
            }

            var first = !_loaded.Task.IsCompleted;
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _text = new GapBuffer(state.Text);
                _revision = state.Revision;
                _textDirty = true;
                _dirty = true;
                var pending = _pending!;
                _pending = null;
                foreach (var operation in pending)
                {
                    if (!ApplyLocked(operation))
                    {
                        _pending = [];
                        break;
                    }
                }

                if (_pending is not null)
                {
                    LogResync(_logger, PadId, _revision);
                    continue;
                }

                if (!first)
                {
                    ScheduleLocked();
                }
            }

            if (first)
            {
                Publish();
                _loaded.TrySetResult();
            }

            return;
        }
    }

    /// <returns>False when the operation does not follow the mirror's state (the mirror must reload).</returns>
    private bool ApplyLocked(CommittedOperation committed)
    {
        if (committed.Revision <= _revision)
        {
            return true; // Already in the state the mirror read (committed while it was loading).
        }

        var operation = committed.Operation;
        if (committed.Revision != _revision + 1 || operation.BaseLength != _text.Length)
        {
            return false;
        }

        var cursor = 0;
        foreach (var component in operation.Components)
        {
            if (component.IsRetain)
            {
                cursor += component.Length;
            }
            else if (component.IsInsert)
            {
                _text.Insert(cursor, component.Text);
                cursor += component.Length;
            }
            else
            {
                _text.Delete(cursor, component.Length);
            }
        }

        _revision = committed.Revision;
        _textDirty = true;
        _dirty = true;

        var now = _time.GetUtcNow();
        _lastEditAt = now;
        _lastEditByAuthor[committed.AuthorId] = now;
        var minute = MinuteOf(now);
        var slot = (int)(minute % BucketCount);
        if (_bucketMinutes[slot] != minute)
        {
            _bucketMinutes[slot] = minute;
            _bucketCounts[slot] = 0;
        }

        _bucketCounts[slot]++;
        return true;
    }

    private void BeginReloadLocked(int revision)
    {
        LogResync(_logger, PadId, revision);
        _pending = [];
        _ = Task.Run(LoadAsync);
    }

    /// <summary>Arms the one timer for the next publish: throttled after a change, or when activity changes with time.</summary>
    private void ScheduleLocked()
    {
        if (_closed || _publishQueued || _pending is not null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        DateTimeOffset? due = _dirty
            ? (now > _lastPublishAt + _options.NotifyInterval ? now : _lastPublishAt + _options.NotifyInterval)
            : _activityDue;
        if (due == _timerDue)
        {
            return;
        }

        if (due is not { } at)
        {
            _timerDue = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        else if (at <= now)
        {
            _publishQueued = true;
            ThreadPool.QueueUserWorkItem(static mirror => mirror.Publish(), this, preferLocal: false);
        }
        else
        {
            _timerDue = at;
            _timer.Change(at - now, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerDue = null;
        }

        Publish();
    }

    private void Publish()
    {
        ImmutableArray<PadWatch> watchers;
        lock (_gate)
        {
            _publishQueued = false;
            if (_closed || _pending is not null)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (_dirty && now < _lastPublishAt + _options.NotifyInterval)
            {
                ScheduleLocked(); // Early: keep the rate.
                return;
            }

            var previous = _current;
            var typing = TypingLocked(now);
            var buckets = BucketsLocked(now);
            var changed = _dirty || previous is null
                || !typing.SequenceEqual(previous.TypingAuthorIds, StringComparer.Ordinal)
                || !buckets.SequenceEqual(previous.EditsPerMinute);
            _activityDue = NextActivityChange(now, typing.Length > 0, buckets);
            if (changed)
            {
                var text = _textDirty || previous is null ? _text.GetText() : previous.Text;
                var participants = _participantsDirty || previous is null ? _fanout.GetParticipants(PadId) : previous.Participants;
                Volatile.Write(ref _current, new PadWatchSnapshot(PadId, _revision, text, participants, typing, buckets, _lastEditAt));
                _dirty = false;
                _textDirty = false;
                _participantsDirty = false;
                _lastPublishAt = now;
            }

            ScheduleLocked();
            if (!changed)
            {
                return;
            }

            watchers = _watchers;
        }

        foreach (var watcher in watchers)
        {
            watcher.Signal();
        }
    }

    private string[] TypingLocked(DateTimeOffset now)
    {
        if (_lastEditByAuthor.Count == 0)
        {
            return [];
        }

        foreach (var (authorId, at) in _lastEditByAuthor)
        {
            if (now - at >= _options.TypingWindow)
            {
                _lastEditByAuthor.Remove(authorId);
            }
        }

        var typing = _lastEditByAuthor.Keys.ToArray();
        Array.Sort(typing, StringComparer.Ordinal); // A stable order: views do not reshuffle names as people type.
        return typing;
    }

    private int[] BucketsLocked(DateTimeOffset now)
    {
        var minute = MinuteOf(now);
        var buckets = new int[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            var wanted = minute - (BucketCount - 1) + i;
            var slot = (int)(((wanted % BucketCount) + BucketCount) % BucketCount);
            buckets[i] = _bucketMinutes[slot] == wanted ? _bucketCounts[slot] : 0;
        }

        return buckets;
    }

    /// <summary>When the typing list or the per-minute buckets will next change with time alone; null when never.</summary>
    private DateTimeOffset? NextActivityChange(DateTimeOffset now, bool anyTyping, int[] buckets)
    {
        DateTimeOffset? due = null;
        if (anyTyping)
        {
            due = _lastEditByAuthor.Values.Min() + _options.TypingWindow;
        }

        if (buckets.Any(count => count > 0))
        {
            var nextMinute = DateTimeOffset.FromUnixTimeSeconds((MinuteOf(now) + 1) * 60);
            if (due is null || nextMinute < due)
            {
                due = nextMinute;
            }
        }

        return due;
    }

    private static long MinuteOf(DateTimeOffset time) => (long)Math.Floor(time.ToUnixTimeMilliseconds() / Minute.TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad mirror {PadId}: revisions out of step at {Revision}; reloading from the authority")]
    private static partial void LogResync(ILogger logger, string padId, int revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad mirror {PadId}: reloading failed; retrying")]
    private static partial void LogReloadFailed(ILogger logger, string padId, Exception exception);
}
