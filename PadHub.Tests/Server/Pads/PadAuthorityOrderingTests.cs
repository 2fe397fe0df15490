using Microsoft.Extensions.Logging;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads;

namespace PadHub.Tests.Server.Pads;

/// <summary>
/// What the pad's serial order guarantees across its edges: an unloading actor and the next one never overlap, and a
/// lock settled through the authority is never overtaken by a submission that passed its connection's check before it.
/// </summary>
public sealed class PadAuthorityOrderingTests
{
    // Generous: the whole suite shares two cores with browsers and servers; a healthy run takes well under a second.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Reload_WhileTheUnloadedActorStillDrains_WaitsForItBeforeLoading()
    {
        // Arrange: a submission whose write is held, then the sweeper unloads the pad under it.
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        await using var harness = new AuthorityHarness(loggerFactory: loggerFactory);
        await harness.Provider.StartAsync(CancellationToken.None);
        var pad = await harness.Store.CreatePadAsync("");
        var authority = harness.Provider.GetAuthority(pad.PadId);
        await authority.GetStateAsync();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Store.HoldNextAppend = hold;
        var draining = authority.SubmitAsync(new PadSubmitCommand("a", "c1", 1, 0, TextOperation.ForInsert(0, 0, "kept")));
        await harness.Store.AppendStarted.Task.WaitAsync(Deadline);
        var idle = new PadAuthorityOptions().IdleTimeout;
        await Waits.UntilAsync(
            () =>
            {
                if (harness.Provider.LoadedCount == 0)
                {
                    return true;
                }

                harness.Time.Advance(idle / 4);
                return false;
            },
            Deadline,
            () => "the sweeper to take the idle actor out");
        var loadsBefore = harness.Store.LoadCount;

        // Act: a new request for the pad while the old actor is still writing its last batch.
        var reloaded = authority.GetStateAsync();
        await Waits.UntilAsync(
            () => logs.Messages.Any(m => m.Contains("still closing", StringComparison.Ordinal) && m.Contains(pad.PadId, StringComparison.Ordinal))
                || harness.Store.LoadCount > loadsBefore || reloaded.IsCompleted,
            Deadline,
            () => "the new actor to wait for the old one, or to load");
        var loadedDuringTheDrain = harness.Store.LoadCount > loadsBefore || reloaded.IsCompleted;
        hold.SetResult();
        var committed = await draining.WaitAsync(Deadline);
        var state = await reloaded.WaitAsync(Deadline);

        // Assert
        Assert.False(loadedDuringTheDrain, "the pad was loaded again while its previous actor was still committing");
        Assert.Equal(1, committed.Revision);
        Assert.Equal(1, state.Revision);
        Assert.Equal("kept", state.Text);
    }

    [Fact]
    public async Task Submit_QueuedBeforeALockThatSettlesThroughTheAuthority_IsRefusedAndNothingCommitsAfterTheLock()
    {
        // Arrange: a session link's connection; its first submission's write is held, its second is queued behind it
        // (both passed the connection's write check while the pad was unlocked).
        var sessions = new OneGateResolver();
        await using var harness = new AuthorityHarness(sessionPads: sessions);
        var pad = await harness.Store.CreatePadAsync("");
        sessions.PadId = pad.PadId;
        await using var connection = await harness.Sessions.ConnectAsync(
            new PadJoinRequest("session-token", Guid.NewGuid().ToString("N"), "Noa", pad.PadId), new RecordingListener());
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Store.HoldNextAppend = hold;
        var first = connection.SubmitAsync(1, 0, TextOperation.ForInsert(0, 0, "a"));
        await harness.Store.AppendStarted.Task.WaitAsync(Deadline);
        var second = connection.SubmitAsync(2, 0, TextOperation.ForInsert(0, 0, "b"));

        // Act: the moderator locks (the session publishes it, then settles the pad through its authority).
        sessions.Gate.Current = new PadAccessState(PadRole.Editor, false, "The moderator locked the pads.");
        var settled = harness.Provider.GetAuthority(pad.PadId).SettleAsync();
        hold.SetResult();

        // Assert
        Assert.Equal(1, await first.WaitAsync(Deadline));
        var refused = await Assert.ThrowsAsync<PadException>(() => second.WaitAsync(Deadline));
        Assert.Equal(PadErrorCodes.Forbidden, refused.Code);
        Assert.Equal(1, await settled.WaitAsync(Deadline));
        var state = await harness.Provider.GetAuthority(pad.PadId).GetStateAsync();
        Assert.Equal((1, "a"), (state.Revision, state.Text));
    }

    [Fact]
    public async Task NameRevision_QueuedBeforeALockThatSettlesThroughTheAuthority_IsRefusedAndNamesNothing()
    {
        // Arrange: a session link's connection whose submission's write is held; a name passes the connection's write
        // check while the pad is unlocked and queues behind it.
        var sessions = new OneGateResolver();
        await using var harness = new AuthorityHarness(sessionPads: sessions);
        var pad = await harness.Store.CreatePadAsync("");
        sessions.PadId = pad.PadId;
        await using var connection = await harness.Sessions.ConnectAsync(
            new PadJoinRequest("session-token", Guid.NewGuid().ToString("N"), "Noa", pad.PadId), new RecordingListener());
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Store.HoldNextAppend = hold;
        var first = connection.SubmitAsync(1, 0, TextOperation.ForInsert(0, 0, "a"));
        await harness.Store.AppendStarted.Task.WaitAsync(Deadline);
        var naming = connection.NameRevisionAsync(0, "before the lock");

        // Act: the moderator locks (the session publishes it, then settles the pad through its authority).
        sessions.Gate.Current = new PadAccessState(PadRole.Editor, false, "The moderator locked the pads.");
        var settled = harness.Provider.GetAuthority(pad.PadId).SettleAsync();
        hold.SetResult();

        // Assert
        Assert.Equal(1, await first.WaitAsync(Deadline));
        var refused = await Assert.ThrowsAsync<PadException>(() => naming.WaitAsync(Deadline));
        Assert.Equal(PadErrorCodes.Forbidden, refused.Code);
        await settled.WaitAsync(Deadline);
        Assert.Empty(await harness.Store.GetNamedRevisionsAsync(pad.PadId));
    }

    [Fact]
    public async Task RestoreRevision_StartedBeforeALockThatSettlesThroughTheAuthority_IsRefusedAndCommitsNothing()
    {
        // Arrange: a submission's write is held, and a restore of the revision before it passes the connection's check
        // while the pad is unlocked (it plans once the submission is written).
        var sessions = new OneGateResolver();
        await using var harness = new AuthorityHarness(sessionPads: sessions);
        var pad = await harness.Store.CreatePadAsync("a");
        sessions.PadId = pad.PadId;
        await using var connection = await harness.Sessions.ConnectAsync(
            new PadJoinRequest("session-token", Guid.NewGuid().ToString("N"), "Noa", pad.PadId), new RecordingListener());
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Store.HoldNextAppend = hold;
        var first = connection.SubmitAsync(1, 0, TextOperation.ForInsert(1, 1, "b"));
        await harness.Store.AppendStarted.Task.WaitAsync(Deadline);
        var restoring = connection.RestoreRevisionAsync(0, null, null);

        // Act
        sessions.Gate.Current = new PadAccessState(PadRole.Editor, false, "The moderator locked the pads.");
        var settled = harness.Provider.GetAuthority(pad.PadId).SettleAsync();
        hold.SetResult();

        // Assert
        Assert.Equal(1, await first.WaitAsync(Deadline));
        var refused = await Assert.ThrowsAsync<PadException>(() => restoring.WaitAsync(Deadline));
        Assert.Equal(PadErrorCodes.Forbidden, refused.Code);
        Assert.Equal(1, await settled.WaitAsync(Deadline));
        var state = await harness.Provider.GetAuthority(pad.PadId).GetStateAsync();
        Assert.Equal((1, "ab"), (state.Revision, state.Text));
    }

    /// <summary>Resolves one session token onto one pad, through a gate whose access the test sets.</summary>
    private sealed class OneGateResolver : ISessionPadResolver
    {
        public string PadId { get; set; } = "";

        public SettableGate Gate { get; } = new();

        public Task<ISessionPadGate?> ResolveAsync(string token, string? padId, CancellationToken cancellationToken)
        {
            Gate.PadId = PadId;
            return Task.FromResult<ISessionPadGate?>(token == "session-token" ? Gate : null);
        }
    }

    private sealed class SettableGate : ISessionPadGate
    {
        private PadAccessState _current = new(PadRole.Editor, true, null);

        public string PadId { get; set; } = "";

        public string SessionId => "session";

        public SessionRole LinkRole => SessionRole.NoteTaker;

        public PadAccessState Current
        {
            get => Volatile.Read(ref _current);
            set => Volatile.Write(ref _current, value);
        }

        public void OnChanged(Func<PadAccessState, ValueTask> onChanged)
        {
        }

        public void Dispose()
        {
        }
    }
}
