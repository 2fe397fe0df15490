using PadHub.Core.Client;

namespace PadHub.Tests.Core;

public sealed class RevisionSequencerTests
{
    [Fact]
    public void Offer_NextRevision_ReleasesItImmediately()
    {
        var sequencer = new RevisionSequencer<string>(4);

        var released = sequencer.Offer(5, "r5");

        Assert.Equal(["r5"], released);
        Assert.Equal(5, sequencer.Revision);
    }

    [Fact]
    public void TryAdvance_NextRevisionNothingHeld_MovesToIt()
    {
        var sequencer = new RevisionSequencer<string>(4);

        var advanced = sequencer.TryAdvance(5);

        Assert.True(advanced);
        Assert.Equal(5, sequencer.Revision);
    }

    [Fact]
    public void TryAdvance_StaleEarlyOrWhileHolding_ChangesNothing()
    {
        var sequencer = new RevisionSequencer<string>(4);
        var stale = sequencer.TryAdvance(4);
        var early = sequencer.TryAdvance(6);
        sequencer.Offer(7, "r7"); // held: revision 5 and 6 are missing

        var nextWhileHolding = sequencer.TryAdvance(5);

        Assert.False(stale);
        Assert.False(early);
        Assert.False(nextWhileHolding); // Offer must release r7 behind it
        Assert.Equal(4, sequencer.Revision);
        Assert.Equal(1, sequencer.HeldCount);
    }

    [Fact]
    public void Offer_EarlyRevisions_HeldUntilGapFillsThenReleasedInOrder()
    {
        var sequencer = new RevisionSequencer<string>(0);

        var early = sequencer.Offer(3, "r3").Concat(sequencer.Offer(2, "r2")).ToList();
        var released = sequencer.Offer(1, "r1");

        Assert.Empty(early);
        Assert.Equal(["r1", "r2", "r3"], released);
        Assert.Equal(3, sequencer.Revision);
        Assert.Equal(0, sequencer.HeldCount);
    }

    [Fact]
    public void Offer_StaleOrAlreadyHeldRevision_IsDropped()
    {
        var sequencer = new RevisionSequencer<string>(5);
        sequencer.Offer(7, "r7");

        var stale = sequencer.Offer(5, "old");
        var duplicate = sequencer.Offer(7, "again");
        var released = sequencer.Offer(6, "r6");

        Assert.Empty(stale);
        Assert.Empty(duplicate);
        Assert.Equal(["r6", "r7"], released);
    }

    [Fact]
    public void Offer_MoreEarlyMessagesThanAllowed_ThrowsAndHoldsNoMore()
    {
        var sequencer = new RevisionSequencer<string>(0, maxHeld: 2);
        sequencer.Offer(2, "r2");
        sequencer.Offer(3, "r3");

        Assert.Throws<InvalidOperationException>(() => sequencer.Offer(4, "r4"));

        Assert.Equal(2, sequencer.HeldCount);
    }

    [Fact]
    public void Reset_PastSomeHeldMessages_DropsThemAndReleasesTheContiguousRest()
    {
        var sequencer = new RevisionSequencer<string>(0);
        sequencer.Offer(3, "r3");
        sequencer.Offer(11, "r11");
        sequencer.Offer(12, "r12");
        sequencer.Offer(14, "r14");

        var released = sequencer.Reset(10);

        Assert.Equal(["r11", "r12"], released);
        Assert.Equal(12, sequencer.Revision);
        Assert.Equal(1, sequencer.HeldCount);
    }
}
