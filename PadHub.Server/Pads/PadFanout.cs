using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PadHub.Components.Pads;
using PadHub.Core.Documents;

namespace PadHub.Server.Pads;

/// <summary>
/// This node's fan-out: every connection of a pad has its own bounded queue drained by its own loop, so a slow client
/// never delays the others. A connection whose queue overflows loses the queued events and is told to resync instead
/// (it fetches the gap from history; clients apply strictly in revision order and ignore revisions they have).
/// Also keeps who is in each pad (presence) and relays carets. <paramref name="timeProvider"/> (tests) paces presence;
/// the host passes none, so presence runs on the real clock.
/// </summary>
internal sealed partial class PadFanout(IOptions<PadAuthorityOptions> options, ILogger<PadFanout> logger, TimeProvider? timeProvider = null) : IPadCommitObserver
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    private readonly ConcurrentDictionary<string, PadGroup> _pads = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers a connection. Events start with operations after <see cref="PadSubscription.SetFloor"/>; operations
    /// tagged <paramref name="clientTag"/> (the connection's own client) are not sent to it.
    /// </summary>
    public PadSubscription Subscribe(string padId, PadParticipant participant, IPadListener listener, string? clientTag = null)
    {
        var subscription = new PadSubscription(this, padId, participant, clientTag, listener, options.Value.ConnectionQueueCapacity, logger);
        while (true)
        {
            var group = _pads.GetOrAdd(padId, _ => new PadGroup(new DeliveryClock(options.Value.DeliveryInterval, _time)));
            lock (group)
            {
                if (group.Closed)
                {
                    continue;
                }

                subscription.Clock = group.Clock;
                group.Members = group.Members.Add(subscription);
                PaceFor(group);
            }

            PublishParticipants(padId, group);
            return subscription;
        }
    }

    /// <summary>Whether a paced connection is waiting for its pad's delivery clock to tick (tests).</summary>
    internal bool IsPacing => _pads.Values.Any(g => g.Clock.IsTicking);

    /// <summary>The pad's current pacing interval (tests).</summary>
    internal TimeSpan PacingInterval(string padId) => _pads.TryGetValue(padId, out var group) ? group.Clock.Interval : TimeSpan.Zero;

    /// <summary>
    /// A pad's pacing interval: <see cref="PadAuthorityOptions.DeliveryInterval"/>, stretched for a crowded pad so
    /// that its connections together get about <see cref="PadAuthorityOptions.PadWritesPerSecond"/> writes a second
    /// (each write to a connection costs the same whatever it carries: a frame, a send, three hops through the stack).
    /// </summary>
    private void PaceFor(PadGroup group)
    {
        var settings = options.Value;
        if (settings.DeliveryInterval <= TimeSpan.Zero)
        {
            return; // pacing off
        }

        var crowded = TimeSpan.FromSeconds((double)group.Members.Count / settings.PadWritesPerSecond);
        group.Clock.Interval = TimeSpan.FromTicks(Math.Clamp(crowded.Ticks, settings.DeliveryInterval.Ticks, Math.Max(settings.DeliveryInterval.Ticks, MaxPacing.Ticks)));
    }

    /// <summary>However crowded a pad, its events wait at most this long for a write.</summary>
    private static readonly TimeSpan MaxPacing = TimeSpan.FromMilliseconds(100);

    public bool HasSubscribers(string padId) => _pads.TryGetValue(padId, out var group) && !group.Members.IsEmpty;

    public IReadOnlyList<PadParticipant> GetParticipants(string padId) =>
        _pads.TryGetValue(padId, out var group) ? Participants(group) : [];

    public void OnCommitted(string padId, IReadOnlyList<CommittedOperation> operations)
    {
        NotifyObservers(padId, operations);
        if (!_pads.TryGetValue(padId, out var group))
        {
            return;
        }

        // The events are immutable: build them once per batch, not once per connection (and each carries a slot for its
        // wire form, so a transport serialises it once for every connection).
        // Clients are known by a one-way tag of their client id, never by the id itself (a secret).
        var events = new FannedOutOperation[operations.Count];
        string? lastClient = null, lastTag = null;
        for (var i = 0; i < events.Length; i++)
        {
            var operation = operations[i];
            if (!string.Equals(operation.ClientId, lastClient, StringComparison.Ordinal))
            {
                (lastClient, lastTag) = (operation.ClientId, ClientIdentity.TagFor(operation.ClientId));
            }

            events[i] = new FannedOutOperation(new PadOperationEvent(padId, operation.Revision, operation.Operation, operation.AuthorId, lastTag!, operation.Seq));
        }

        foreach (var member in group.Members)
        {
            member.EnqueueOperations(events);
        }
    }

    public void PublishCaret(PadCaret caret)
    {
        if (!_pads.TryGetValue(caret.PadId, out var group))
        {
            return;
        }

        foreach (var member in group.Members)
        {
            if (!string.Equals(member.Participant.ParticipantId, caret.ParticipantId, StringComparison.Ordinal))
            {
                member.EnqueueCaret(caret);
            }
        }
    }

    internal void Unsubscribe(PadSubscription subscription)
    {
        if (!_pads.TryGetValue(subscription.PadId, out var group))
        {
            return;
        }

        bool emptied;
        lock (group)
        {
            group.Members = group.Members.Remove(subscription);
            PaceFor(group);
            emptied = group.Members.IsEmpty;
            if (emptied)
            {
                group.Closed = true;
                _pads.TryRemove(new KeyValuePair<string, PadGroup>(subscription.PadId, group));
            }
        }

        if (emptied)
        {
            SignalObserversParticipants(subscription.PadId); // Nobody left to publish to, but the mirrors must know.
            return;
        }

        PublishParticipants(subscription.PadId, group);
    }

    private static ImmutableArray<PadParticipant> Participants(PadGroup group) =>
        [.. group.Members.Select(m => m.Participant)];

    /// <summary>
    /// Presence is coalesced per pad: the first change after a quiet <see cref="PadAuthorityOptions.PresenceInterval"/>
    /// is published at once, later ones within the interval once at its end (with the list as it is then). 450 people
    /// opening a link within a minute cost a few dozen lists per member instead of one per join.
    /// </summary>
    private void PublishParticipants(string padId, PadGroup group)
    {
        // Hidden observers (pad mirrors) coalesce on their own: they hear of every change at once.
        SignalObserversParticipants(padId);
        var interval = options.Value.PresenceInterval;
        TimeSpan wait;
        lock (group)
        {
            if (group.PresenceScheduled)
            {
                return; // The scheduled publish will carry this change.
            }

            var sinceLast = _time.GetElapsedTime(group.LastPresence);
            if (group.LastPresence != 0 && sinceLast < interval)
            {
                group.PresenceScheduled = true;
                wait = interval - sinceLast;
            }
            else
            {
                group.LastPresence = _time.GetTimestamp();
                wait = TimeSpan.Zero;
            }
        }

        if (wait == TimeSpan.Zero)
        {
            SendParticipants(group);
            return;
        }

        _ = PublishLaterAsync(group, wait);
    }

    private async Task PublishLaterAsync(PadGroup group, TimeSpan wait)
    {
        await Task.Delay(wait, _time).ConfigureAwait(false);
        lock (group)
        {
            group.PresenceScheduled = false;
            group.LastPresence = _time.GetTimestamp();
            if (group.Closed)
            {
                return;
            }
        }

        SendParticipants(group);
    }

    private static void SendParticipants(PadGroup group)
    {
        var participants = new ParticipantList(Participants(group));
        foreach (var member in group.Members)
        {
            member.EnqueueParticipants(participants);
        }
    }

    private sealed class PadGroup(DeliveryClock clock)
    {
        public DeliveryClock Clock { get; } = clock;

        public ImmutableList<PadSubscription> Members { get; set; } = [];

        public bool Closed { get; set; }

        public bool PresenceScheduled { get; set; }

        public long LastPresence { get; set; }
    }
}

/// <summary>One connection's membership in the fan-out: a bounded queue and the loop that delivers it in order.</summary>
internal sealed partial class PadSubscription : IAsyncDisposable
{
    private readonly PadFanout _fanout;
    private readonly IPadListener _listener;
    private readonly Channel<PadEvent> _queue;
    private readonly ILogger _logger;
    private readonly Lock _overflowGate = new();
    private readonly Task _pump;
    private readonly TaskCompletionSource<int> _floor = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lastDelivered = -1;
    private int _disposed;

    public PadSubscription(PadFanout fanout, string padId, PadParticipant participant, string? clientTag, IPadListener listener, int capacity, ILogger logger)
    {
        _fanout = fanout;
        PadId = padId;
        Participant = participant;
        ClientTag = clientTag;
        _listener = listener;
        _logger = logger;
        _queue = Channel.CreateBounded<PadEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _pump = Task.Run(PumpAsync);
    }

    public string PadId { get; }

    public PadParticipant Participant { get; }

    /// <summary>The tag of the connection's client: its own operations are not echoed to it.</summary>
    public string? ClientTag { get; }

    /// <summary>The pad's delivery clock (set when the subscription joins its pad, before its first delivery).</summary>
    internal DeliveryClock Clock { get; set; } = DeliveryClock.Unpaced;

    /// <summary>
    /// Operations up to <paramref name="revision"/> are already in the state the client joined with: skip them. Nothing
    /// is delivered before the floor is known, so an operation committed while joining is never missed nor doubled.
    /// </summary>
    public void SetFloor(int revision) => _floor.TrySetResult(revision);

    /// <summary>
    /// Queues a committed batch as ONE event (shared by every connection of the pad, never copied): a crowded pad's
    /// fan-out costs one queue write per connection per batch, not one per operation. The connection's own operations
    /// are skipped when it is delivered (the submitter learns its revision from Submit's result).
    /// </summary>
    public void EnqueueOperations(IReadOnlyList<FannedOutOperation> operations)
    {
        if (!_queue.Writer.TryWrite(new PadEvent(operations)))
        {
            Overflow(); // The client fetches everything after its revision, this batch included.
        }
    }

    public void EnqueueCaret(PadCaret caret) => _queue.Writer.TryWrite(new PadEvent(Caret: caret)); // Carets are best effort.

    public void EnqueueParticipants(IReadOnlyList<PadParticipant> participants)
    {
        if (!_queue.Writer.TryWrite(new PadEvent(Participants: participants)))
        {
            Overflow();
        }
    }

    /// <summary>
    /// What this connection may do changed (a session pad locked, unlocked, its link revoked): delivered in order with
    /// the connection's other events, never dropped by an overflow. <paramref name="afterDelivery"/> runs once the
    /// listener has been told (the session service closes a revoked connection there).
    /// </summary>
    public void EnqueueAccessChanged(PadAccessState access, Func<ValueTask>? afterDelivery = null)
    {
        var item = new PadEvent(Access: new AccessChange(access, afterDelivery));
        if (!_queue.Writer.TryWrite(item))
        {
            Overflow();
            _queue.Writer.TryWrite(item); // The overflow emptied the queue down to what it keeps.
        }
    }

    private void Overflow()
    {
        lock (_overflowGate)
        {
            // Operations, presence and carets can be fetched again or are superseded; access changes cannot: keep them.
            List<PadEvent>? kept = null;
            while (_queue.Reader.TryRead(out var dropped))
            {
                if (dropped.Access is not null)
                {
                    (kept ??= []).Add(dropped);
                }
            }

            var from = Volatile.Read(ref _lastDelivered);
            _queue.Writer.TryWrite(new PadEvent(ResyncFrom: from < 0 ? 0 : from));
            foreach (var access in kept ?? [])
            {
                _queue.Writer.TryWrite(access);
            }

            LogOverflow(_logger, PadId, Participant.ParticipantId, from);
        }
    }

    private async Task PumpAsync()
    {
        var floor = await _floor.Task.ConfigureAwait(false);
        Volatile.Write(ref _lastDelivered, floor);
        var reader = _queue.Reader;
        var operations = new List<FannedOutOperation>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Everything queued goes out together: consecutive operations as one batch (one write to the connection).
            var taken = 0;
            while (taken < MaxDrain && reader.TryRead(out var item))
            {
                taken++;
                if (Volatile.Read(ref _disposed) == 1)
                {
                    return; // Whoever left is not listening any more.
                }

                if (item.Operations is { } batch)
                {
                    foreach (var operation in batch)
                    {
                        if (operation.Event.Revision > floor && !string.Equals(operation.Event.ClientTag, ClientTag, StringComparison.Ordinal))
                        {
                            operations.Add(operation);
                        }
                    }

                    continue;
                }

                await DeliverOperationsAsync(operations).ConfigureAwait(false);
                await DeliverAsync(item, floor).ConfigureAwait(false);
            }

            await DeliverOperationsAsync(operations).ConfigureAwait(false);

            // Paced: after a write, events gather until the clock's next tick (then, if none came, the loop waits for
            // the next event and writes it at once). A busy connection costs one wake-up per tick, not one per commit.
            var clock = Clock;
            if (clock.Paces)
            {
                await clock.NextTickAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverOperationsAsync(List<FannedOutOperation> operations)
    {
        if (operations.Count == 0 || Volatile.Read(ref _disposed) == 1)
        {
            operations.Clear();
            return;
        }

        try
        {
            if (_listener is IPadBatchListener batch)
            {
                await batch.OnOperationsAppliedAsync(operations).ConfigureAwait(false);
                Volatile.Write(ref _lastDelivered, operations[^1].Event.Revision);
            }
            else
            {
                foreach (var operation in operations)
                {
                    await _listener.OnOperationAppliedAsync(operation.Event).ConfigureAwait(false);
                    Volatile.Write(ref _lastDelivered, operation.Event.Revision);
                }
            }
        }
#pragma warning disable CA1031 // A listener failing (a connection going away) must not stop the fan-out of others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDeliveryFailed(_logger, PadId, Participant.ParticipantId, ex);
        }
        finally
        {
            operations.Clear();
        }
    }

    private async Task DeliverAsync(PadEvent item, int floor)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        try
        {
            if (item.ResyncFrom is { } from)
            {
                await _listener.OnResyncRequiredAsync(Math.Max(from, floor)).ConfigureAwait(false);
            }
            else if (item.Participants is { } participants)
            {
                await _listener.OnParticipantsChangedAsync(participants).ConfigureAwait(false);
            }
            else if (item.Caret is { } caret)
            {
                await _listener.OnCaretMovedAsync(caret).ConfigureAwait(false);
            }
            else if (item.Access is { } change)
            {
                await _listener.OnAccessChangedAsync(change.Access).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // A listener failing (a connection going away) must not stop the fan-out of others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDeliveryFailed(_logger, PadId, Participant.ParticipantId, ex);
        }

        if (item.Access?.AfterDelivery is { } afterDelivery)
        {
            await afterDelivery().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Leaves the pad. Does not wait for the delivery loop: a listener stuck on a dead connection must not hold up the
    /// caller; the loop sees the flag and ends.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _fanout.Unsubscribe(this);
            _queue.Writer.TryComplete();
            _floor.TrySetResult(int.MaxValue);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Completes when the delivery loop has ended (tests).</summary>
    internal Task Completion => _pump;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad {PadId}: participant {ParticipantId} fell behind; queued events dropped, told to resync from revision {Revision}")]
    private static partial void LogOverflow(ILogger logger, string padId, string participantId, int revision);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad {PadId}: delivering to participant {ParticipantId} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, string padId, string participantId, Exception exception);

    /// <summary>Most queued events the delivery loop takes at once (so a stuck listener still overflows its queue).</summary>
    private const int MaxDrain = 256;

    private readonly record struct PadEvent(
        IReadOnlyList<FannedOutOperation>? Operations = null,
        int? ResyncFrom = null,
        IReadOnlyList<PadParticipant>? Participants = null,
        PadCaret? Caret = null,
        AccessChange? Access = null);

    private sealed record AccessChange(PadAccessState Access, Func<ValueTask>? AfterDelivery);
}

/// <summary>
/// A pad's pacing clock (<see cref="PadAuthorityOptions.DeliveryInterval"/>), shared by every connection of the pad:
/// it ticks only while someone waits, once per interval, and every connection waiting for a tick is released by the
/// same one, so pacing costs one timer per busy pad rather than one per connection.
/// </summary>
internal sealed class DeliveryClock(TimeSpan interval, TimeProvider time)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _next;
    private long _intervalTicks = interval.Ticks;

    /// <summary>A clock that never paces (a subscription not yet in its pad).</summary>
    public static DeliveryClock Unpaced { get; } = new(TimeSpan.Zero, TimeProvider.System);

    /// <summary>The current interval; a change applies from the next tick.</summary>
    public TimeSpan Interval
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _intervalTicks));
        set => Volatile.Write(ref _intervalTicks, value.Ticks);
    }

    /// <summary>A tick is due (someone waits for it).</summary>
    public bool IsTicking
    {
        get
        {
            lock (_gate)
            {
                return _next is not null;
            }
        }
    }

    /// <summary>Whether writes are paced at all (a zero interval turns pacing off).</summary>
    public bool Paces => Interval > TimeSpan.Zero;

    /// <summary>Completes at the next tick: within one interval.</summary>
    public Task NextTickAsync()
    {
        lock (_gate)
        {
            if (_next is null)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _ = TickAsync(_next);
            }

            return _next.Task;
        }
    }

    private async Task TickAsync(TaskCompletionSource tick)
    {
        await Task.Delay(Interval, time).ConfigureAwait(false);
        lock (_gate)
        {
            _next = null;
        }

        tick.SetResult();
    }
}

/// <summary>
/// A committed operation on its way to the connections, shared by all of them: <see cref="WireForm"/> is a slot where a
/// transport keeps the operation serialised once for every connection.
/// </summary>
internal sealed class FannedOutOperation(PadOperationEvent operation)
{
    private object? _wireForm;

    public PadOperationEvent Event { get; } = operation;

    /// <summary>The transport's serialised form, built by the first connection that needs it.</summary>
    public T GetWireForm<T>(Func<PadOperationEvent, T> create)
        where T : class =>
        Volatile.Read(ref _wireForm) as T ?? (T)(Interlocked.CompareExchange(ref _wireForm, create(Event), null) ?? _wireForm!);
}

/// <summary>A participant list published to every connection of a pad, with the same one-serialisation slot.</summary>
internal sealed class ParticipantList(ImmutableArray<PadParticipant> participants) : IReadOnlyList<PadParticipant>
{
    private object? _wireForm;

    public int Count => participants.Length;

    public PadParticipant this[int index] => participants[index];

    public T GetWireForm<T>(Func<IReadOnlyList<PadParticipant>, T> create)
        where T : class =>
        Volatile.Read(ref _wireForm) as T ?? (T)(Interlocked.CompareExchange(ref _wireForm, create(this), null) ?? _wireForm!);

    public IEnumerator<PadParticipant> GetEnumerator() => ((IEnumerable<PadParticipant>)participants).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A listener that takes consecutive operations in one call (one write to its connection).</summary>
internal interface IPadBatchListener : IPadListener
{
    /// <summary>Operations someone else committed, consecutive and in revision order.</summary>
    ValueTask OnOperationsAppliedAsync(IReadOnlyList<FannedOutOperation> operations);
}
