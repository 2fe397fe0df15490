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
/// authority; operations arriving meanwhile are kept and applied after the reloaded state. By concern: following the
/// pad here, (re)loading and applying operations in PadMirror.Loading.cs, the paced publishing in PadMirror.Publishing.cs,
/// the typing list and edits per minute in PadMirror.Activity.cs.
/// </remarks>
internal sealed partial class PadMirror : IPadFanoutObserver
{
    private readonly Lock _gate = new();
    private readonly IPadAuthority _authority;
    private readonly PadFanout _fanout;
    private readonly PadWatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _timer;
    private ImmutableArray<PadWatch> _watchers = [];
    private IDisposable? _observation;

    // Non-null while (re)loading: operations reported meanwhile, applied after the loaded state.
    private List<CommittedOperation>? _pending = [];
    private GapBuffer _text = new();
    private int _revision;
    private bool _dirty;
    private bool _textDirty;
    private bool _participantsDirty = true;
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
}
