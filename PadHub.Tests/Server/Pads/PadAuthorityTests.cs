using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads;

namespace PadHub.Tests.Server.Pads;

public sealed class PadAuthorityTests : IAsyncLifetime
{
    // Generous: the whole suite shares two cores with browsers and servers; a healthy run takes well under a second.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly AuthorityHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Submit_WhileAWriteIsInFlight_LaterSubmissionsAreWrittenInOneTransaction()
    {
        var pad = await _harness.Store.CreatePadAsync("");
        var authority = _harness.Provider.GetAuthority(pad.PadId);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Store.HoldNextAppend = hold;

        var first = authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(0, 0, "x")));
        await _harness.Store.AppendStarted.Task.WaitAsync(Deadline);
        var later = Enumerable.Range(0, 20)
            .Select(i => authority.SubmitAsync(new PadSubmitCommand("a", $"c{i + 2}", 1, 0, TextOperation.ForInsert(0, 0, "y"))))
            .ToArray();
        hold.SetResult();
        var revisions = (await Task.WhenAll(later.Prepend(first)).WaitAsync(Deadline)).Select(r => r.Revision).ToArray();

        Assert.Equal(Enumerable.Range(1, 21), revisions.Order());
        Assert.Equal([1, 20], _harness.Store.AppendBatches);
    }

    [Fact]
    public async Task Submit_BeforeItsWriteCompletes_IsNotAcknowledged()
    {
        var pad = await _harness.Store.CreatePadAsync("");
        var authority = _harness.Provider.GetAuthority(pad.PadId);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Store.HoldNextAppend = hold;

        var submit = authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(0, 0, "x")));
        await _harness.Store.AppendStarted.Task.WaitAsync(Deadline);
        var acknowledgedEarly = submit.IsCompleted;
        hold.SetResult();
        var result = await submit.WaitAsync(Deadline);

        Assert.False(acknowledgedEarly);
        Assert.Equal(1, result.Revision);
    }

    [Fact]
    public async Task Submit_WhenTheWriteFails_FailsAndNothingOfItSurvives()
    {
        var pad = await _harness.Store.CreatePadAsync("abc");
        var authority = _harness.Provider.GetAuthority(pad.PadId);
        _harness.Store.FailNextAppend = true;

        await Assert.ThrowsAsync<IOException>(() => authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(3, 3, "!"))));
        var afterFailure = await authority.GetStateAsync();
        var retry = await authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(3, 3, "!")));

        Assert.Equal(0, afterFailure.Revision);
        Assert.Equal("abc", afterFailure.Text);
        Assert.Equal(1, retry.Revision);
        Assert.False(retry.Duplicate);
    }

    [Fact]
    public async Task Submit_FanOutBeforeDurable_OthersGetTheOperationBeforeTheSubmitterIsAcknowledged()
    {
        var pad = await _harness.Store.CreatePadAsync("");
        var authority = _harness.Provider.GetAuthority(pad.PadId);
        var other = new RecordingListener();
        await using var subscription = _harness.Fanout.Subscribe(pad.PadId, new PadParticipant("other", "b", "B", "#000000", PadRole.Editor), other);
        subscription.SetFloor(0);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Store.HoldNextSync = hold;

        var first = authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(0, 0, "x")));
        await _harness.Store.SyncStarted.Task.WaitAsync(Deadline);
        await Waits.UntilAsync(() => other.LastRevision == 1, Deadline, () => "the written operation to be fanned out");
        // The commit loop goes on while the fsync is pending: the next submission is written and fanned out too.
        var second = authority.SubmitAsync(new PadSubmitCommand("a", "c1", 2, 1, TextOperation.ForInsert(1, 1, "y")));
        await Waits.UntilAsync(() => other.LastRevision == 2, Deadline, () => "the second operation to be fanned out");
        var acknowledgedBeforeSync = first.IsCompleted || second.IsCompleted;
        hold.SetResult();
        var results = await Task.WhenAll(first, second).WaitAsync(Deadline);

        Assert.False(acknowledgedBeforeSync);
        Assert.Equal([1, 2], results.Select(r => r.Revision));
        Assert.Equal([1, 2], other.Operations.Select(o => o.Revision));
        Assert.True(_harness.Store.UnsyncedAppends >= 2);
        Assert.True(_harness.Store.Syncs >= 1);
    }

    [Fact]
    public async Task Submit_FanOutAfterDurable_NothingIsFannedOutBeforeTheDurableWrite()
    {
        await using var harness = new AuthorityHarness(new PadAuthorityOptions { FanOutBeforeDurable = false });
        var pad = await harness.Store.CreatePadAsync("");
        var authority = harness.Provider.GetAuthority(pad.PadId);
        var other = new RecordingListener();
        await using var subscription = harness.Fanout.Subscribe(pad.PadId, new PadParticipant("other", "b", "B", "#000000", PadRole.Editor), other);
        subscription.SetFloor(0);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Store.HoldNextAppend = hold;

        var submit = authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(0, 0, "x")));
        await harness.Store.AppendStarted.Task.WaitAsync(Deadline);
        var deliveredEarly = other.Operations.Count;
        hold.SetResult();
        await submit.WaitAsync(Deadline);
        await Waits.UntilAsync(() => other.LastRevision == 1, Deadline, () => "the operation to be fanned out");

        Assert.Equal(0, deliveredEarly);
        Assert.Equal(0, harness.Store.UnsyncedAppends);
    }

    [Fact]
    public async Task Submit_WhenTheWriteFails_NothingOfItIsFannedOutAndTheRetryIsWhatOthersSee()
    {
        var pad = await _harness.Store.CreatePadAsync("abc");
        var authority = _harness.Provider.GetAuthority(pad.PadId);
        var other = new RecordingListener();
        await using var subscription = _harness.Fanout.Subscribe(pad.PadId, new PadParticipant("other", "b", "B", "#000000", PadRole.Editor), other);
        subscription.SetFloor(0);
        _harness.Store.FailNextAppend = true;

        await Assert.ThrowsAsync<IOException>(() => authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(3, 3, "!"))));
        var retry = await authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(3, 0, "?")));
        await Waits.UntilAsync(() => other.LastRevision == 1, Deadline, () => "the retried operation to be fanned out");

        // The failed batch was never written, so it was never fanned out: revision 1 reached the others once, as retried.
        var delivered = Assert.Single(other.Operations);
        Assert.Equal(1, retry.Revision);
        Assert.Equal("?abc", delivered.Operation.Apply("abc"));
    }

    [Fact]
    public async Task Submit_UnknownPad_IsNotFound()
    {
        var authority = _harness.Provider.GetAuthority("no-such-pad");

        var error = await Assert.ThrowsAsync<PadException>(() => authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(0, 0, "x"))));

        Assert.Equal(PadErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public async Task Sweep_IdlePadWithoutSubscribers_IsSnapshottedAndUnloadedThenReloadsOnUse()
    {
        await _harness.Provider.StartAsync(CancellationToken.None);
        var pad = await _harness.Store.CreatePadAsync("");
        var authority = _harness.Provider.GetAuthority(pad.PadId);
        await authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(0, 0, "kept")));
        var loadedBefore = _harness.Provider.LoadedCount;

        var idle = new PadAuthorityOptions().IdleTimeout;
        for (var i = 0; i < 8 && _harness.Provider.LoadedCount > 0; i++)
        {
            _harness.Time.Advance(idle / 2);
            await Waits.UntilAsync(() => _harness.Provider.LoadedCount == 0 || i < 1, Deadline, () => "unload");
        }

        await Waits.UntilAsync(() => _harness.Provider.LoadedCount == 0, Deadline, () => "the idle pad to unload");
        // The sweeper takes the actor out of the map first and then closes it (its snapshot is written as it closes).
        await Waits.UntilAsync(() => _harness.Store.SnapshotCount(pad.PadId) == 2, Deadline,
            () => $"the unload snapshot (snapshots: {_harness.Store.SnapshotCount(pad.PadId)})"); // revision 0 and the one written on unload
        var state = await authority.GetStateAsync();

        Assert.Equal(1, loadedBefore);
        Assert.Equal("kept", state.Text);
        Assert.Equal(1, state.Revision);
    }

    [Fact]
    public async Task Connect_ViewerToken_CanReadButNeverWrite()
    {
        var pad = await _harness.Store.CreatePadAsync("text");
        await using var viewer = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.ViewToken, TestClientIds.For("viewer"), "V"), new RecordingListener());

        var submit = await Assert.ThrowsAsync<PadException>(() => viewer.SubmitAsync(1, 0, TextOperation.ForInsert(4, 4, "!")));
        var caret = await Assert.ThrowsAsync<PadException>(() => viewer.UpdateCaretAsync(0, 1, 1));

        Assert.Equal(PadRole.Viewer, viewer.Joined.Role);
        Assert.Equal("text", viewer.Joined.Text);
        Assert.Equal(PadErrorCodes.Forbidden, submit.Code);
        Assert.Equal(PadErrorCodes.Forbidden, caret.Code);
        Assert.Equal(0, (await _harness.Provider.GetAuthority(pad.PadId).GetStateAsync()).Revision);
    }

    [Fact]
    public async Task Submit_OverTheRateLimit_IsRateLimitedPerConnectionNotPerPad()
    {
        await using var harness = new AuthorityHarness(limits: new() { SubmitsPerSecond = 1, SubmitBurst = 2 });
        var pad = await harness.Store.CreatePadAsync("");
        await using var fast = await harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("fast"), "F"), new RecordingListener());
        await using var other = await harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("other"), "O"), new RecordingListener());

        await fast.SubmitAsync(1, 0, TextOperation.ForInsert(0, 0, "a"));
        await fast.SubmitAsync(2, 1, TextOperation.ForInsert(1, 1, "b"));
        var limited = await Assert.ThrowsAsync<PadException>(() => fast.SubmitAsync(3, 2, TextOperation.ForInsert(2, 2, "c")));
        var otherRevision = await other.SubmitAsync(1, 2, TextOperation.ForInsert(2, 0, "o"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var afterRefill = await fast.SubmitAsync(3, 3, TextOperation.ForInsert(3, 3, "c"));

        Assert.Equal(PadErrorCodes.RateLimited, limited.Code);
        Assert.Equal(3, otherRevision);
        Assert.Equal(4, afterRefill);
    }

    [Fact]
    public async Task Connect_OperationsCommittedWhileJoining_AreNeitherMissedNorDoubled()
    {
        var pad = await _harness.Store.CreatePadAsync("");
        await using var writer = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("writer"), "W"), new RecordingListener());
        var writes = Task.Run(async () =>
        {
            for (var seq = 1; seq <= 100; seq++)
            {
                await writer.SubmitAsync(seq, seq - 1, TextOperation.ForInsert(seq - 1, seq - 1, "w"));
            }
        });
        var listener = new RecordingListener();
        await using var reader = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.ViewToken, TestClientIds.For("reader"), "R"), listener);
        await writes.WaitAsync(Deadline);

        await Waits.UntilAsync(() => listener.LastRevision == 100, Deadline, () => "the reader to reach revision 100");
        var revisions = listener.Operations.Select(o => o.Revision).ToArray();
        Assert.Equal(Enumerable.Range(reader.Joined.Revision + 1, 100 - reader.Joined.Revision), revisions);
    }

}
