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
/// Also keeps who is in each pad (presence) and relays carets.
/// </summary>
internal sealed partial class PadFanout(IOptions<PadAuthorityOptions> options, ILogger<PadFanout> logger) : IPadCommitObserver
{
    private readonly ConcurrentDictionary<string, PadGroup> _pads = new(StringComparer.Ordinal);

    /// <summary>Registers a connection. Events start with operations after <see cref="PadSubscription.SetFloor"/>.</summary>
    public PadSubscription Subscribe(string padId, PadParticipant participant, IPadListener listener)
    {
        var subscription = new PadSubscription(this, padId, participant, listener, options.Value.ConnectionQueueCapacity, logger);
        while (true)
        {
            var group = _pads.GetOrAdd(padId, static _ => new PadGroup());
            lock (group)
            {
                if (group.Closed)
                {
                    continue;
                }

                group.Members = group.Members.Add(subscription);
            }

            PublishParticipants(padId, group);
            return subscription;
        }
    }

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

        // The events are immutable: build them once per batch, not once per connection.
        var events = new PadOperationEvent[operations.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var operation = operations[i];
            events[i] = new PadOperationEvent(padId, operation.Revision, operation.Operation, operation.AuthorId, operation.ClientId, operation.Seq);
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
            if (!string.Equals(member.Participant.ClientId, caret.ClientId, StringComparison.Ordinal))
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

    private void PublishParticipants(string padId, PadGroup group)
    {
        SignalObserversParticipants(padId);
        var participants = Participants(group);
        foreach (var member in group.Members)
        {
            member.EnqueueParticipants(participants);
        }
    }

    private sealed class PadGroup
    {
        public ImmutableList<PadSubscription> Members { get; set; } = [];

        public bool Closed { get; set; }
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

    public PadSubscription(PadFanout fanout, string padId, PadParticipant participant, IPadListener listener, int capacity, ILogger logger)
    {
        _fanout = fanout;
        PadId = padId;
        Participant = participant;
        _listener = listener;
        _logger = logger;
        _queue = Channel.CreateBounded<PadEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _pump = Task.Run(PumpAsync);
    }

    public string PadId { get; }

    public PadParticipant Participant { get; }

    /// <summary>
    /// Operations up to <paramref name="revision"/> are already in the state the client joined with: skip them. Nothing
    /// is delivered before the floor is known, so an operation committed while joining is never missed nor doubled.
    /// </summary>
    public void SetFloor(int revision) => _floor.TrySetResult(revision);

    public void EnqueueOperations(IReadOnlyList<PadOperationEvent> operations)
    {
        foreach (var operation in operations)
        {
            if (string.Equals(operation.ClientId, Participant.ClientId, StringComparison.Ordinal))
            {
                continue; // The submitter learns its revision from Submit's result.
            }

            if (!_queue.Writer.TryWrite(new PadEvent(operation)))
            {
                Overflow();
                return; // The client fetches everything after its revision, this batch included.
            }
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

    private void Overflow()
    {
        lock (_overflowGate)
        {
            while (_queue.Reader.TryRead(out _))
            {
            }

            var from = Volatile.Read(ref _lastDelivered);
            _queue.Writer.TryWrite(new PadEvent(ResyncFrom: from < 0 ? 0 : from));
            LogOverflow(_logger, PadId, Participant.ClientId, from);
        }
    }

    private async Task PumpAsync()
    {
        var floor = await _floor.Task.ConfigureAwait(false);
        Volatile.Write(ref _lastDelivered, floor);
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                break; // Whoever left is not listening any more.
            }

            try
            {
                if (item.Operation is { } operation)
                {
                    if (operation.Revision <= floor)
                    {
                        continue;
                    }

                    await _listener.OnOperationAppliedAsync(operation).ConfigureAwait(false);
                    Volatile.Write(ref _lastDelivered, operation.Revision);
                }
                else if (item.ResyncFrom is { } from)
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
            }
#pragma warning disable CA1031 // A listener failing (a connection going away) must not stop the fan-out of others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogDeliveryFailed(_logger, PadId, Participant.ClientId, ex);
            }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad {PadId}: client {ClientId} fell behind; queued events dropped, told to resync from revision {Revision}")]
    private static partial void LogOverflow(ILogger logger, string padId, string clientId, int revision);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad {PadId}: delivering to client {ClientId} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, string padId, string clientId, Exception exception);

    private readonly record struct PadEvent(
        PadOperationEvent? Operation = null,
        int? ResyncFrom = null,
        IReadOnlyList<PadParticipant>? Participants = null,
        PadCaret? Caret = null);
}
