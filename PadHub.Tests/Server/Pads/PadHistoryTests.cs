using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads;

namespace PadHub.Tests.Server.Pads;

/// <summary>History comes in pages read off the pad's commit loop, and reading it (or joining) is rate-limited.</summary>
public sealed class PadHistoryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetHistory_WhileTheStoreReadIsSlow_SubmitsAreNotHeldUp()
    {
        // Retaining two operations makes any older read go to the store, as a long history does.
        await using var harness = new AuthorityHarness(new PadAuthorityOptions { RetainedHistory = 2 });
        var pad = await harness.Store.CreatePadAsync("");
        var authority = harness.Provider.GetAuthority(pad.PadId);
        for (var seq = 1; seq <= 5; seq++)
        {
            await authority.SubmitAsync(new PadSubmitCommand("a", "c1", seq, seq - 1, TextOperation.ForInsert(seq - 1, seq - 1, "x")));
        }

        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Store.HoldNextRead = hold;
        var history = authority.GetHistoryAsync(0, PadHistoryPage.MaxOperations);
        await harness.Store.ReadStarted.Task.WaitAsync(Deadline);

        PadSubmitResult submit;
        bool readStillWaiting;
        try
        {
            submit = await authority.SubmitAsync(new PadSubmitCommand("a", "c1", 6, 5, TextOperation.ForInsert(5, 5, "y"))).WaitAsync(Deadline);
            readStillWaiting = !history.IsCompleted;
        }
        finally
        {
            hold.TrySetResult(); // also when the submit timed out, so the pad can close
        }

        var page = await history.WaitAsync(Deadline);

        Assert.Equal(6, submit.Revision);
        Assert.True(readStillWaiting);
        Assert.Equal([1, 2, 3, 4, 5], page.Operations.Select(o => o.Revision));
        Assert.Equal(5, page.HeadRevision);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task GetHistory_MoreThanAPage_ComesInPagesOfAtMostAThousandWithTheHeadAndHasMore()
    {
        await using var harness = new AuthorityHarness(limits: new PadLimitsOptions { SubmitBurst = 10_000 });
        var pad = await harness.Store.CreatePadAsync("");
        var authority = harness.Provider.GetAuthority(pad.PadId);
        for (var seq = 1; seq <= 1_500; seq++)
        {
            await authority.SubmitAsync(new PadSubmitCommand("a", "c1", seq, seq - 1, TextOperation.ForInsert(seq - 1, seq - 1, "x")));
        }

        await using var reader = await harness.Sessions.ConnectAsync(new PadJoinRequest(pad.ViewToken, TestClientIds.For("reader"), "R"), new RecordingListener());

        var first = await reader.GetHistoryAsync(0);
        var second = await reader.GetHistoryAsync(first.Operations[^1].Revision);
        var atHead = await reader.GetHistoryAsync(1_500);

        Assert.Equal((1_000, 1_500, true), (first.Operations.Count, first.HeadRevision, first.HasMore));
        Assert.Equal(Enumerable.Range(1, 1_000), first.Operations.Select(o => o.Revision));
        Assert.Equal((500, 1_500, false), (second.Operations.Count, second.HeadRevision, second.HasMore));
        Assert.Equal(Enumerable.Range(1_001, 500), second.Operations.Select(o => o.Revision));
        Assert.Equal((0, 1_500, false), (atHead.Operations.Count, atHead.HeadRevision, atHead.HasMore));
    }

    [Fact]
    public async Task GetHistory_FasterThanTheLimit_IsRateLimited()
    {
        // The harness's clock stands still, so the bucket never refills: exactly the burst gets through.
        await using var harness = new AuthorityHarness(limits: new PadLimitsOptions { HistoryPagesPerSecond = 1, HistoryBurst = 2 });
        var pad = await harness.Store.CreatePadAsync("abc");
        await using var reader = await harness.Sessions.ConnectAsync(new PadJoinRequest(pad.ViewToken, TestClientIds.For("reader"), "R"), new RecordingListener());

        await reader.GetHistoryAsync(0);
        await reader.GetHistoryAsync(0);
        var error = await Assert.ThrowsAsync<PadException>(() => reader.GetHistoryAsync(0));

        Assert.Equal(PadErrorCodes.RateLimited, error.Code);
    }

    [Fact]
    public async Task Connect_FasterThanTheJoinLimit_IsRateLimited()
    {
        await using var harness = new AuthorityHarness(limits: new PadLimitsOptions { JoinsPerSecond = 1, JoinBurst = 2 });
        var pad = await harness.Store.CreatePadAsync("abc");
        var listener = new RecordingListener(); // one circuit editor: one listener for all its joins
        var request = new PadJoinRequest(pad.EditToken, TestClientIds.For("joiner"), "J");

        await (await harness.Sessions.ConnectAsync(request, listener)).DisposeAsync();
        await (await harness.Sessions.ConnectAsync(request, listener)).DisposeAsync();
        var error = await Assert.ThrowsAsync<PadException>(() => harness.Sessions.ConnectAsync(request, listener));

        Assert.Equal(PadErrorCodes.RateLimited, error.Code);
        Assert.False(harness.Fanout.HasSubscribers(pad.PadId));
    }
}
