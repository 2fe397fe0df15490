using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Server.Pads.Access;
using PadHub.Server.Pads.Authority;

namespace PadHub.Server.Pads.Fanout;

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
