using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PadHub.Components.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
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
    public async Task OnCommitted_OwnOperations_AreNotSentBackToTheSubmitter()
    {
        var fanout = new PadFanout(Options.Create(new PadAuthorityOptions()), NullLogger<PadFanout>.Instance);
        var listener = new RecordingListener();
        await using var subscription = fanout.Subscribe("pad", Participant("me"), listener);
        subscription.SetFloor(0);

        fanout.OnCommitted("pad", [
            new CommittedOperation(1, TextOperation.ForInsert(0, 0, "mine"), "a", "me", 1),
            new CommittedOperation(2, TextOperation.ForInsert(4, 0, "theirs"), "b", "them", 1),
        ]);

        await Waits.UntilAsync(() => listener.LastRevision == 2, Deadline, () => "fan-out delivery");
        Assert.Equal([2], listener.Operations.Select(o => o.Revision));
    }

    private static PadParticipant Participant(string clientId) => new(clientId, "a-" + clientId, clientId, "#000000", PadRole.Editor);
}
