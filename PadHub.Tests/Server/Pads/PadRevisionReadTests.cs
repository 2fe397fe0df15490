using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Authority;

namespace PadHub.Tests.Server.Pads;

/// <summary>A past revision is rebuilt from the store off the pad's commit loop.</summary>
public sealed class PadRevisionReadTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetRevision_WhileTheStoreReadIsSlow_SubmitsAreNotHeldUp()
    {
        await using var harness = new AuthorityHarness(new PadAuthorityOptions { SnapshotInterval = 2 });
        var pad = await harness.Store.CreatePadAsync("");
        var authority = harness.Provider.GetAuthority(pad.PadId);
        for (var seq = 1; seq <= 5; seq++)
        {
            await authority.SubmitAsync(new PadSubmitCommand(seq % 2 == 0 ? "b" : "a", "c" + (seq % 2), seq, seq - 1, TextOperation.ForInsert(seq - 1, seq - 1, "x")));
        }

        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Store.HoldNextRead = hold;
        var revision = authority.GetRevisionAsync(3);
        await harness.Store.ReadStarted.Task.WaitAsync(Deadline);

        PadSubmitResult submit;
        bool readStillWaiting;
        try
        {
            submit = await authority.SubmitAsync(new PadSubmitCommand("a", "c1", 7, 5, TextOperation.ForInsert(5, 5, "y"))).WaitAsync(Deadline);
            readStillWaiting = !revision.IsCompleted;
        }
        finally
        {
            hold.TrySetResult(); // also when the submit timed out, so the pad can close
        }

        var result = await revision.WaitAsync(Deadline);

        Assert.Equal(6, submit.Revision);
        Assert.True(readStillWaiting);
        Assert.Equal("xxx", result.Text);
        Assert.Equal([new AuthorRun("a", 1), new AuthorRun("b", 1), new AuthorRun("a", 1)], result.Authorship);
    }
}
