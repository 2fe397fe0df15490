using System.Collections.Immutable;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Concurrency;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Comments;

/// <summary>
/// One pad's comments in memory. A hidden observer of the fan-out (every written batch, in revision order, on the
/// commit path: a short lock, no I/O) moves each thread's anchor through each operation (<see cref="TextAnchor"/>).
/// Loading observes first and reads second: the head state (written), the stored comments, and the history from the
/// oldest stored anchor's revision, so anchors stored before a restart (or while the pad was edited unobserved) catch
/// up with the text. Moved anchors are written back in one batch per <see cref="FlushInterval"/>, and when closed.
/// </summary>
internal sealed partial class PadCommentState : IPadComments, IPadFanoutObserver, IAsyncDisposable
{
    /// <summary>How often moved anchors are written back (a restart replays the revisions since from the history).</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    /// <summary>At most this often the views are told that edits moved the anchors.</summary>
    public static readonly TimeSpan ViewsInterval = TimeSpan.FromMilliseconds(250);

    // Recent operations, to move a comment made against a revision the client had (not the head) up to the head.
    private const int RecentOperations = 256;

    private readonly string _padId;
    private readonly IPadAuthority _authority;
    private readonly ICommentStore _store;
    private readonly PadFanout _fanout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly List<Entry> _comments = [];
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _moved = new(StringComparer.Ordinal);
    private readonly Queue<CommittedOperation> _recent = new();
    private readonly Task _loaded;
    private readonly IDisposable _observation;
    private readonly ITimer _flushTimer;
    private readonly ITimer _viewsTimer;
    private bool _viewsScheduled;
    private ImmutableArray<Action<PadComments>> _subscribers = [];
    private List<CommittedOperation>? _pending = [];
    private PadComments? _snapshot;
    private int _revision;
    private int _length;

    public PadCommentState(string padId, IPadAuthority authority, ICommentStore store, PadFanout fanout, TimeProvider time, ILogger logger)
    {
        _padId = padId;
        _authority = authority;
        _store = store;
        _fanout = fanout;
        _time = time;
        _logger = logger;
        _observation = fanout.Observe(padId, this); // Before reading: nothing written meanwhile is missed.
        _loaded = LoadAsync();
        _flushTimer = time.CreateTimer(_ => _ = FlushAsync(), null, FlushInterval, FlushInterval);
        _viewsTimer = time.CreateTimer(_ => NotifyViews(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string PadId => _padId;

    public async Task<PadComments> GetAsync(CancellationToken cancellationToken = default)
    {
        await _loaded.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return SnapshotLocked();
        }
    }

    public IDisposable Subscribe(Action<PadComments> onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        // Subscribers are told on the writer's thread: in the subscriber's language, not the writer's.
        var culture = SubscriberCulture.Capture();
        Action<PadComments> inCulture = comments => culture.Run(onChanged, comments);
        ImmutableInterlocked.Update(ref _subscribers, s => s.Add(inCulture));
        return new Subscription(this, inCulture);
    }

    void IPadFanoutObserver.OnCommitted(IReadOnlyList<CommittedOperation> operations)
    {
        lock (_gate)
        {
            if (_pending is not null)
            {
                _pending.AddRange(operations);
                return;
            }

            var moved = false;
            foreach (var operation in operations)
            {
                moved |= ApplyLocked(operation);
            }

            // Views place comments on the text they show: tell them anchors moved, a few times a second at most.
            if (moved && !_subscribers.IsEmpty && !_viewsScheduled)
            {
                _viewsScheduled = true;
                _viewsTimer.Change(ViewsInterval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    void IPadFanoutObserver.OnParticipantsChanged()
    {
    }

    public async ValueTask DisposeAsync()
    {
        _observation.Dispose();
        await _flushTimer.DisposeAsync().ConfigureAwait(false);
        await _viewsTimer.DisposeAsync().ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
    }

    private async Task LoadAsync()
    {
        var state = await _authority.GetStateAsync(CancellationToken.None).ConfigureAwait(false);
        var stored = await _store.LoadCommentsAsync(_padId, CancellationToken.None).ConfigureAwait(false);
        var entries = stored.Select(s => new Entry(s.Comment, new TextAnchor(s.Comment.From, s.Comment.To, s.Comment.OnDeletedText), s.AnchorRevision)).ToList();

        // Anchors stored at an older revision than the head (written back every few seconds) catch up through the
        // history, which the state read above has written up to its revision.
        var roots = entries.Where(e => e.Comment.ReplyTo is null && e.Revision < state.Revision).ToList();
        if (roots.Count > 0)
        {
            var from = roots.Min(e => e.Revision);
            while (from < state.Revision)
            {
                var page = await _authority.GetHistoryAsync(from, PadHistoryPage.MaxOperations, CancellationToken.None).ConfigureAwait(false);
                foreach (var operation in page.Operations.Where(o => o.Revision <= state.Revision))
                {
                    foreach (var root in roots)
                    {
                        if (operation.Revision > root.Revision)
                        {
                            root.Anchor = root.Anchor.Transform(operation.Operation);
                            root.Revision = operation.Revision;
                        }
                    }
                }

                if (page.Operations.Count == 0)
                {
                    break;
                }

                from = page.Operations[^1].Revision;
            }
        }

        lock (_gate)
        {
            _revision = state.Revision;
            _length = state.Text.Length;
            foreach (var entry in entries)
            {
                _comments.Add(entry);
                _byId[entry.Comment.CommentId] = entry;
                if (roots.Contains(entry))
                {
                    _moved.Add(entry.Comment.CommentId);
                }
            }

            var pending = _pending!;
            _pending = null;
            foreach (var operation in pending)
            {
                ApplyLocked(operation);
            }
        }
    }

    /// <summary>Moves every anchor through <paramref name="operation"/>; true when one moved.</summary>
    private bool ApplyLocked(CommittedOperation operation)
    {
        if (operation.Revision <= _revision)
        {
            return false; // Already in the state the comments were loaded at.
        }

        var anyMoved = false;
        foreach (var entry in _comments)
        {
            if (entry.Comment.ReplyTo is null)
            {
                var moved = entry.Anchor.Transform(operation.Operation);
                if (moved != entry.Anchor)
                {
                    entry.Anchor = moved;
                    _moved.Add(entry.Comment.CommentId);
                    anyMoved = true;
                }
            }
        }

        _revision = operation.Revision;
        _length = operation.Operation.TargetLength;
        _snapshot = null;
        _recent.Enqueue(operation);
        if (_recent.Count > RecentOperations)
        {
            _recent.Dequeue();
        }

        return anyMoved;
    }

    private PadComments SnapshotLocked()
    {
        if (_snapshot is { } snapshot)
        {
            return snapshot;
        }

        var list = new PadComment[_comments.Count];
        for (var i = 0; i < list.Length; i++)
        {
            var entry = _comments[i];
            var root = entry.Comment.ReplyTo is { } rootId ? _byId[rootId] : entry;
            list[i] = entry.Comment with
            {
                From = root.Anchor.From,
                To = root.Anchor.To,
                OnDeletedText = root.Anchor.OnDeletedText,
                Resolved = root.Comment.Resolved,
            };
        }

        return _snapshot = new PadComments(_padId, _revision, list);
    }

    private void NotifyViews()
    {
        PadComments snapshot;
        lock (_gate)
        {
            _viewsScheduled = false;
            snapshot = SnapshotLocked();
        }

        TellSubscribers(snapshot);
    }

    private void Notify()
    {
        PadComments snapshot;
        lock (_gate)
        {
            snapshot = SnapshotLocked();
        }

        _fanout.PublishComments(_padId, snapshot);
        TellSubscribers(snapshot);
    }

    private void TellSubscribers(PadComments snapshot)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(snapshot);
            }
#pragma warning disable CA1031 // A failing view must not stop the others being told.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSubscriberFailed(_logger, _padId, ex);
            }
        }
    }

    private sealed class Entry(PadComment comment, TextAnchor anchor, int revision)
    {
        public PadComment Comment { get; set; } = comment;

        /// <summary>A thread's anchor (a reply shows its thread's).</summary>
        public TextAnchor Anchor { get; set; } = anchor;

        /// <summary>The revision <see cref="Anchor"/> was stored at (loading only).</summary>
        public int Revision { get; set; } = revision;
    }

    private sealed class Subscription(PadCommentState state, Action<PadComments> onChanged) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref state._subscribers, s => s.Remove(onChanged));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad {PadId}: a comment view failed to take a change")]
    private static partial void LogSubscriberFailed(ILogger logger, string padId, Exception exception);
}
