using System.Threading.Channels;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Fanout;

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

    public void EnqueueParticipants(ParticipantList participants)
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

    /// <summary>
    /// The pad's comments changed: delivered in order with the connection's operations. Only the latest list matters, so
    /// an overflow drops it like presence (the client asks GetComments after its resync).
    /// </summary>
    public void EnqueueComments(PadComments comments)
    {
        if (!_queue.Writer.TryWrite(new PadEvent(Comments: comments)))
        {
            Overflow();
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
                if (_listener is IPadBatchListener batch)
                {
                    await batch.OnParticipantListChangedAsync(participants).ConfigureAwait(false);
                }
                else
                {
                    await _listener.OnParticipantsChangedAsync(participants).ConfigureAwait(false);
                }
            }
            else if (item.Caret is { } caret)
            {
                await _listener.OnCaretMovedAsync(caret).ConfigureAwait(false);
            }
            else if (item.Comments is { } comments)
            {
                await _listener.OnCommentsChangedAsync(comments).ConfigureAwait(false);
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
        ParticipantList? Participants = null,
        PadCaret? Caret = null,
        AccessChange? Access = null,
        PadComments? Comments = null);

    private sealed record AccessChange(PadAccessState Access, Func<ValueTask>? AfterDelivery);
}
