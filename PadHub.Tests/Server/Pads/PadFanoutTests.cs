using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Access;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Pads;

namespace PadHub.Tests.Server.Pads;

public sealed class PadFanoutTests
{
    // Generous: the whole suite shares two cores with browsers and servers; a healthy run takes well under a second.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OnCommitted_OneListenerStuck_OthersReceiveEverythingInOrderAndTheStuckOneIsToldToResync()
    {
        var fanout = new PadFanout(Options.Create(new PadAuthorityOptions { ConnectionQueueCapacity = 16 }), NullLogger<PadFanout>.Instance);
        var stuck = new RecordingListener { Release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var healthy = new RecordingListener();
        var stuckSubscription = fanout.Subscribe("pad", Participant("stuck"), stuck);
        var healthySubscription = fanout.Subscribe("pad", Participant("healthy"), healthy);
        stuckSubscription.SetFloor(0);
        healthySubscription.SetFloor(0);

        // Commits arrive in batches of 10, as group commits do; the healthy client keeps pace while the stuck one never reads.
        for (var revision = 1; revision <= 500; revision++)
        {
            fanout.OnCommitted("pad", [new CommittedOperation(revision, TextOperation.ForInsert(revision - 1, revision - 1, "x"), "a", "writer", revision)]);
            if (revision % 10 == 0)
            {
                var expected = revision;
                await Waits.UntilAsync(() => healthy.LastRevision == expected, Deadline, () => "fan-out delivery");
            }
        }

        stuck.Release.SetResult();
        await Waits.UntilAsync(() => stuck.Resyncs.Count > 0, Deadline, () => "fan-out delivery");

        Assert.Equal(Enumerable.Range(1, 500), healthy.Operations.Select(o => o.Revision));
        Assert.True(stuck.Operations.Count < 500, "the stuck listener's queue should have overflowed");
        await stuckSubscription.DisposeAsync();
        await healthySubscription.DisposeAsync();
    }

    [Fact]
    public async Task EnqueueAccessChanged_QueueOverflows_AccessChangeSurvivesInOrderAndItsFollowUpRuns()
    {
        var fanout = new PadFanout(Options.Create(new PadAuthorityOptions { ConnectionQueueCapacity = 16 }), NullLogger<PadFanout>.Instance);
        var listener = new OrderedLogListener();
        var subscription = fanout.Subscribe("pad", Participant("stuck"), listener);
        subscription.SetFloor(0);
        fanout.OnCommitted("pad", [new CommittedOperation(1, TextOperation.ForInsert(0, 0, "x"), "a", "writer", 1)]);
        await Waits.UntilAsync(() => listener.Blocked, Deadline, () => "the listener to block on revision 1");

        var followUps = 0;
        var locked = new PadAccessState(PadRole.Editor, false, "The moderator locked the pads.");
        subscription.EnqueueAccessChanged(locked, () =>
        {
            Interlocked.Increment(ref followUps);
            return ValueTask.CompletedTask;
        });
        // Far more than the queue holds: it overflows, dropping the operations but not the access change.
        for (var revision = 2; revision <= 100; revision++)
        {
            fanout.OnCommitted("pad", [new CommittedOperation(revision, TextOperation.ForInsert(revision - 1, revision - 1, "x"), "a", "writer", revision)]);
        }

        listener.Release.SetResult();
        await Waits.UntilAsync(() => Volatile.Read(ref followUps) == 1, Deadline, () => $"the access change to be delivered (log: {string.Join(", ", listener.Log)})");

        var log = listener.Log;
        Assert.Equal("op 1", log[0]);
        Assert.Equal("resync 0", log[1]); // revision 1 was still being delivered when the queue overflowed
        Assert.Equal("access canWrite=False The moderator locked the pads.", log[2]);
        // Whatever was committed after the last overflow follows, in order; the access change came exactly once.
        Assert.All(log.Skip(3), entry => Assert.StartsWith("op ", entry, StringComparison.Ordinal));
        Assert.Equal(1, log.Count(entry => entry.StartsWith("access ", StringComparison.Ordinal)));
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task OnCommitted_OwnOperations_AreNotSentBackToTheSubmitter()
    {
        var fanout = new PadFanout(Options.Create(new PadAuthorityOptions()), NullLogger<PadFanout>.Instance);
        var listener = new RecordingListener();
        await using var subscription = fanout.Subscribe("pad", Participant("me"), listener, ClientIdentity.TagFor("me"));
        subscription.SetFloor(0);

        fanout.OnCommitted("pad", [
            new CommittedOperation(1, TextOperation.ForInsert(0, 0, "mine"), "a", "me", 1),
            new CommittedOperation(2, TextOperation.ForInsert(4, 0, "theirs"), "b", "them", 1),
        ]);

        await Waits.UntilAsync(() => listener.LastRevision == 2, Deadline, () => "fan-out delivery");
        Assert.Equal([2], listener.Operations.Select(o => o.Revision));
    }

    [Fact]
    public async Task Subscribe_ManyJoinsWithinThePresenceInterval_AreCoalescedIntoOneListWithEveryone()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var fanout = new PadFanout(Options.Create(new PadAuthorityOptions { PresenceInterval = TimeSpan.FromSeconds(1) }), NullLogger<PadFanout>.Instance, time);
        var listeners = Enumerable.Range(0, 50).Select(_ => new PresenceListener()).ToArray();
        var subscriptions = new List<PadSubscription>();
        for (var i = 0; i < listeners.Length; i++)
        {
            var subscription = fanout.Subscribe("pad", Participant("c" + i), listeners[i]);
            subscription.SetFloor(0);
            subscriptions.Add(subscription);
        }

        // The first join is published at once; the 49 others wait for the end of the interval.
        await Waits.UntilAsync(() => listeners[0].Lists.Count == 1, Deadline, () => "the first presence list");
        var beforeInterval = listeners.Skip(1).Sum(l => l.Lists.Count);
        time.Advance(TimeSpan.FromSeconds(1));
        await Waits.UntilAsync(() => listeners.All(l => l.Lists.Count > 0 && l.Lists[^1].Count == 50), Deadline, () => "everyone to see all 50 participants");

        Assert.Equal(0, beforeInterval);
        Assert.Equal([1, 50], listeners[0].Lists.Select(l => l.Count));
        Assert.All(listeners.Skip(1), l => Assert.Equal([50], l.Lists.Select(p => p.Count)));
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }

    [Fact]
    public async Task OnCommitted_BusyConnection_WaitsForTheNextTickAndGetsTheOperationsInOneBatch()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var interval = TimeSpan.FromSeconds(1);
        var fanout = new PadFanout(Options.Create(new PadAuthorityOptions { DeliveryInterval = interval }), NullLogger<PadFanout>.Instance, time);
        var listener = new BatchListener();
        await using var subscription = fanout.Subscribe("pad", Participant("reader"), listener);
        subscription.SetFloor(0);
        // After its first write (the presence list) the connection waits for a tick; with nothing queued by then it
        // goes quiet.
        await Waits.UntilAsync(() => listener.ParticipantLists == 1 && fanout.IsPacing, Deadline, () => "the presence list, then a wait for the tick");
        time.Advance(interval);
        await Waits.UntilAsync(() => !fanout.IsPacing, Deadline, () => "the tick");

        // Quiet: the first operation goes out at once, without the clock moving.
        fanout.OnCommitted("pad", [Insert(1)]);
        await Waits.UntilAsync(() => listener.Batches.Count == 1, Deadline, () => "revision 1, delivered at once");

        // Busy (written less than an interval ago): the next ones wait for the tick and go out together.
        fanout.OnCommitted("pad", [Insert(2)]);
        fanout.OnCommitted("pad", [Insert(3)]);
        await Waits.UntilAsync(() => fanout.IsPacing, Deadline, () => "the connection to wait for the clock's tick");
        var beforeTick = listener.Batches.Count;
        time.Advance(interval);
        await Waits.UntilAsync(() => listener.Batches.Count == 2, Deadline, () => "revisions 2 and 3 after the tick");

        Assert.Equal(1, beforeTick);
        Assert.Equal([[1], [2, 3]], listener.Batches);
    }

    [Fact]
    public async Task OnCommitted_PacingOff_EveryCommitIsWrittenAtOnce()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var fanout = new PadFanout(Options.Create(new PadAuthorityOptions { DeliveryInterval = TimeSpan.Zero }), NullLogger<PadFanout>.Instance, time);
        var listener = new BatchListener();
        await using var subscription = fanout.Subscribe("pad", Participant("reader"), listener);
        subscription.SetFloor(0);

        for (var revision = 1; revision <= 3; revision++)
        {
            fanout.OnCommitted("pad", [Insert(revision)]);
            var expected = revision;
            await Waits.UntilAsync(() => listener.Batches.Count == expected, Deadline, () => $"revision {expected} without the clock moving");
        }

        Assert.Equal([[1], [2], [3]], listener.Batches);
        Assert.False(fanout.IsPacing);
    }

    [Fact]
    public async Task Subscribe_CrowdedPad_StretchesItsPacingToTheWriteBudgetAndBackWhenPeopleLeave()
    {
        var fanout = new PadFanout(Options.Create(new PadAuthorityOptions { DeliveryInterval = TimeSpan.FromMilliseconds(5), PadWritesPerSecond = 1_000 }), NullLogger<PadFanout>.Instance);
        var subscriptions = Enumerable.Range(0, 20).Select(i => fanout.Subscribe("pad", Participant("c" + i), new PresenceListener())).ToList();
        var crowded = fanout.PacingInterval("pad");
        foreach (var subscription in subscriptions.Skip(3))
        {
            await subscription.DisposeAsync();
        }

        var few = fanout.PacingInterval("pad");
        for (var i = 20; i < 400; i++)
        {
            subscriptions.Add(fanout.Subscribe("pad", Participant("c" + i), new PresenceListener()));
        }

        var packed = fanout.PacingInterval("pad");

        Assert.Equal(TimeSpan.FromMilliseconds(20), crowded); // 20 connections / 1,000 writes a second
        Assert.Equal(TimeSpan.FromMilliseconds(5), few); // 3 connections: never below DeliveryInterval
        Assert.Equal(TimeSpan.FromMilliseconds(100), packed); // 383 connections: capped
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }

    private static CommittedOperation Insert(int revision) =>
        new(revision, TextOperation.ForInsert(revision - 1, revision - 1, "x"), "a", "writer", revision);

    private static PadParticipant Participant(string clientId) => new(clientId, "a-" + clientId, clientId, "#000000", PadRole.Editor);
}
