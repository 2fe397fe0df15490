using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Watch;
using PadHub.Tests.Core;
using PadHub.Tests.Server.Pads;
using Xunit.Abstractions;

namespace PadHub.Tests.Server.Watch;

/// <summary>The pad mirrors behind the live views: one per pad, exact text, presence, throttled notifications, activity.</summary>
public sealed class PadMirrorTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = WatchHarness.Deadline;
    private readonly WatchHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Mirror_RandomConcurrentEdits_TextEqualsTheAuthoritys()
    {
        var seed = TestSeed.Get(output);
        var pad = await _harness.CreatePadAsync("The pad's first line.\n");
        var recorder = new WatchRecorder();
        await using var watch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, recorder.OnChangedAsync);

        // Six writers each read the head now and then and submit several edits against that (stale) state: the authority
        // transforms them, and the mirror must follow the committed result exactly.
        var writers = Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            var random = new OtRandom(unchecked(seed + (writer * 7_919)));
            for (var round = 0; round < 25; round++)
            {
                var state = await _harness.HeadAsync(pad.PadId);
                for (var i = random.Next(1, 5); i > 0; i--)
                {
                    var operation = random.Chance(0.2) ? random.MultiEdit(state.Text) : random.Edit(state.Text);
                    await _harness.SubmitAsync(pad.PadId, state.Revision, operation, $"writer-{writer}");
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);
        var head = await _harness.HeadAsync(pad.PadId);
        _harness.Tick();

        await Waits.UntilAsync(() => watch.Current.Revision == head.Revision, Deadline, () => $"seed {seed}: the mirror at {watch.Current.Revision}, the head at {head.Revision}");
        Assert.True(head.Revision >= 150, $"seed {seed}: only {head.Revision} revisions");
        Assert.Equal(head.Text, watch.Current.Text);
        Assert.Equal(1, _harness.Service.FindMirror(pad.PadId)!.LoadCount);
    }

    [Fact]
    public async Task Mirror_RevisionGap_ReloadsFromTheAuthorityAndGoesOn()
    {
        var pad = await _harness.CreatePadAsync("abc");
        await using var watch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);
        await _harness.AppendAsync(pad.PadId, "d");

        // An operation two revisions ahead of the mirror: something was lost, so it must read the head again.
        _harness.Authority.Fanout.OnCommitted(pad.PadId, [new CommittedOperation(3, TextOperation.ForInsert(5, 0, "zz"), "ghost", "ghost", 1)]);
        var mirror = _harness.Service.FindMirror(pad.PadId)!;
        await Waits.UntilAsync(() => mirror.LoadCount == 2, Deadline, () => "the mirror to reload");
        await _harness.AppendAsync(pad.PadId, "e");
        _harness.Tick();

        await Waits.UntilAsync(() => watch.Current.Revision == 2, Deadline, () => $"the mirror at {watch.Current.Revision}");
        Assert.Equal("abcde", watch.Current.Text);
    }

    [Fact]
    public async Task WatchAsync_ManyWatchersOfOnePad_OneMirrorOneObserverOneLoadAndAllNotified()
    {
        var pad = await _harness.CreatePadAsync("shared");
        var recorders = Enumerable.Range(0, 25).Select(_ => new WatchRecorder()).ToArray();
        var watches = await Task.WhenAll(recorders.Select(r => _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, r.OnChangedAsync)));
        for (var i = 0; i < watches.Length; i++)
        {
            recorders[i].Watch = watches[i];
        }

        await _harness.AppendAsync(pad.PadId, "!");
        _harness.Tick();

        await Waits.UntilAsync(() => recorders.All(r => r.LastSeen?.Text == "shared!"), Deadline, () => "every watcher to see the edit");
        Assert.Equal(1, _harness.Service.MirrorCount);
        Assert.Equal(1, _harness.Authority.Fanout.ObserverCount(pad.PadId));
        Assert.Equal(1, _harness.Service.FindMirror(pad.PadId)!.LoadCount);
        foreach (var watch in watches)
        {
            await watch.DisposeAsync();
        }
    }

    [Fact]
    public async Task WatchAsync_Watchers_AreNotInThePresenceListButSeeWhoIs()
    {
        var pad = await _harness.CreatePadAsync();
        await using var watch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);
        var editor = await _harness.Authority.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("ada-tab"), "Ada"), new RecordingListener());
        _harness.Tick();

        await Waits.UntilAsync(() => watch.Current.Participants.Count == 1, Deadline, () => "the mirror to see Ada");
        Assert.Equal("Ada", watch.Current.Participants[0].DisplayName);
        Assert.Equal([editor.Joined.ParticipantId], _harness.Authority.Fanout.GetParticipants(pad.PadId).Select(p => p.ParticipantId));
        Assert.Equal([editor.Joined.ParticipantId], editor.Joined.Participants.Select(p => p.ParticipantId));

        await editor.DisposeAsync();
        _harness.Tick();
        await Waits.UntilAsync(() => watch.Current.Participants.Count == 0, Deadline, () => "the mirror to see Ada leave");
    }

    [Fact]
    public async Task Notifications_BurstOf500Operations_AreCoalescedAndTheFinalStateDelivered()
    {
        var pad = await _harness.CreatePadAsync();
        var recorder = new WatchRecorder();
        await using var watch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, recorder.OnChangedAsync);
        recorder.Watch = watch;
        for (var i = 0; i < 500; i++)
        {
            await _harness.AppendAsync(pad.PadId, "x");
        }

        // The clock has not moved: nothing was published, so no text string was built per operation.
        Assert.Equal(0, watch.Current.Revision);
        Assert.Equal(0, recorder.Calls);

        _harness.Tick();
        await Waits.UntilAsync(() => recorder.LastSeen?.Revision == 500, Deadline, () => $"the final state (seen {recorder.LastSeen?.Revision})");
        Assert.Equal(1, recorder.Calls);
        Assert.Equal(new string('x', 500), recorder.LastSeen!.Text);
    }

    [Fact]
    public async Task Notifications_ChangeSoonAfterAPublish_WaitForTheInterval()
    {
        var pad = await _harness.CreatePadAsync();
        await using var watch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);
        await _harness.AppendAsync(pad.PadId, "a");
        _harness.Tick();
        Assert.Equal(1, watch.Current.Revision);

        await _harness.AppendAsync(pad.PadId, "b");
        _harness.Time.Advance(_harness.Options.NotifyInterval / 2);
        Assert.Equal(1, watch.Current.Revision);
        _harness.Time.Advance(_harness.Options.NotifyInterval / 2);
        Assert.Equal(2, watch.Current.Revision);
    }

    [Fact]
    public async Task Notifications_SlowWatcher_DoesNotDelayAnotherAndGetsOneCallForWhatItMissed()
    {
        var pad = await _harness.CreatePadAsync();
        var slow = new WatchRecorder { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var fast = new WatchRecorder();
        await using var slowWatch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, slow.OnChangedAsync);
        await using var fastWatch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, fast.OnChangedAsync);
        slow.Watch = slowWatch;
        fast.Watch = fastWatch;

        for (var i = 1; i <= 5; i++)
        {
            await _harness.AppendAsync(pad.PadId, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _harness.Tick();
            var expected = i;
            await Waits.UntilAsync(() => fast.LastSeen?.Revision == expected, Deadline, () => $"the fast watcher at revision {expected}");
        }

        Assert.Equal(1, slow.Calls); // Still inside its first call.
        slow.Hold.SetResult();
        await Waits.UntilAsync(() => slow.LastSeen?.Revision == 5, Deadline, () => "the slow watcher to catch up");
        Assert.Equal(2, slow.Calls);
        Assert.Equal(1, slow.MaxConcurrent);
        Assert.Equal("12345", slow.LastSeen!.Text);
    }

    [Fact]
    public async Task Notifications_ThrowingWatcher_KeepsBeingNotifiedAndDoesNotDisturbOthers()
    {
        var pad = await _harness.CreatePadAsync();
        var throwing = new WatchRecorder { Throw = true };
        var healthy = new WatchRecorder();
        await using var throwingWatch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, throwing.OnChangedAsync);
        await using var healthyWatch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, healthy.OnChangedAsync);
        throwing.Watch = throwingWatch;
        healthy.Watch = healthyWatch;

        for (var i = 1; i <= 2; i++)
        {
            await _harness.AppendAsync(pad.PadId, "y");
            _harness.Tick();
            var expected = i;
            await Waits.UntilAsync(() => throwing.LastSeen?.Revision == expected && healthy.LastSeen?.Revision == expected, Deadline,
                () => $"both watchers at revision {expected}");
        }

        Assert.Equal(2, throwing.Calls);
        Assert.Equal(2, healthy.Calls);
    }

    [Fact]
    public async Task Activity_EditsPerMinute_CountPerMinuteOldestFirstAndRollWithTimeAlone()
    {
        var pad = await _harness.CreatePadAsync();
        var recorder = new WatchRecorder();
        await using var watch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, recorder.OnChangedAsync);
        recorder.Watch = watch;
        Assert.Equal([0, 0, 0, 0, 0], watch.Current.EditsPerMinute);
        Assert.Null(watch.Current.LastEditAt);

        _harness.Time.Advance(TimeSpan.FromSeconds(10)); // 10:00:10
        var firstEditAt = _harness.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await _harness.AppendAsync(pad.PadId, "m");
        }

        _harness.Tick();
        await Waits.UntilAsync(() => recorder.LastSeen?.Revision == 3, Deadline, () => "the first minute's edits");
        Assert.Equal([0, 0, 0, 0, 3], watch.Current.EditsPerMinute);
        Assert.Equal(firstEditAt, watch.Current.LastEditAt);

        _harness.Time.Advance(TimeSpan.FromMinutes(1)); // 10:01:10
        await _harness.AppendAsync(pad.PadId, "n");
        await _harness.AppendAsync(pad.PadId, "n");
        _harness.Tick();
        await Waits.UntilAsync(() => recorder.LastSeen?.Revision == 5, Deadline, () => "the second minute's edits");
        Assert.Equal([0, 0, 0, 3, 2], watch.Current.EditsPerMinute);

        // No more edits: the buckets roll as minutes pass, and each roll notifies the views by itself.
        int[][] expected = [[0, 0, 3, 2, 0], [0, 3, 2, 0, 0], [3, 2, 0, 0, 0], [2, 0, 0, 0, 0], [0, 0, 0, 0, 0]];
        foreach (var buckets in expected)
        {
            var calls = recorder.Calls;
            _harness.Time.Advance(TimeSpan.FromMinutes(1));
            await Waits.UntilAsync(() => recorder.Calls > calls, Deadline, () => $"a notification for {string.Join(',', buckets)}");
            Assert.Equal(buckets, watch.Current.EditsPerMinute);
        }

        Assert.Equal(5, watch.Current.Revision);
    }

    [Fact]
    public async Task Activity_TypingAuthors_ExpireAfterTheWindowWithANotification()
    {
        var pad = await _harness.CreatePadAsync();
        var recorder = new WatchRecorder();
        await using var watch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, recorder.OnChangedAsync);
        recorder.Watch = watch;

        await _harness.AppendAsync(pad.PadId, "a", "bob");
        _harness.Tick();
        Assert.Equal(["bob"], watch.Current.TypingAuthorIds);

        _harness.Time.Advance(TimeSpan.FromSeconds(3));
        await _harness.AppendAsync(pad.PadId, "b", "alice");
        _harness.Tick();
        await Waits.UntilAsync(() => watch.Current.Revision == 2, Deadline, () => "alice's edit");
        Assert.Equal(["alice", "bob"], watch.Current.TypingAuthorIds);

        // Bob's only edit was at 10:00:00: at 10:00:05 he stops typing, and the views hear of it without any edit.
        await Waits.UntilAsync(() => recorder.LastSeen?.Revision == 2, Deadline, () => "the watcher to see alice's edit");
        var calls = recorder.Calls;
        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        await Waits.UntilAsync(() => recorder.Calls > calls, Deadline, () => "a notification when bob stops typing");
        Assert.Equal(["alice"], watch.Current.TypingAuthorIds);

        _harness.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty(watch.Current.TypingAuthorIds);
    }

    [Fact]
    public async Task DisposeAsync_StopsCallbacksAndTheMirrorUnloadsAfterTheLinger()
    {
        var pad = await _harness.CreatePadAsync();
        var gone = new WatchRecorder();
        var staying = new WatchRecorder();
        var goneWatch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, gone.OnChangedAsync);
        var stayingWatch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, staying.OnChangedAsync);
        gone.Watch = goneWatch;
        staying.Watch = stayingWatch;
        await _harness.AppendAsync(pad.PadId, "1");
        _harness.Tick();
        await Waits.UntilAsync(() => gone.LastSeen?.Revision == 1 && staying.LastSeen?.Revision == 1, Deadline, () => "both watchers at revision 1");

        await goneWatch.DisposeAsync();
        await _harness.AppendAsync(pad.PadId, "2");
        _harness.Tick();
        await Waits.UntilAsync(() => staying.LastSeen?.Revision == 2, Deadline, () => "the remaining watcher at revision 2");
        Assert.Equal(1, gone.Calls);
        Assert.Equal(1, goneWatch.Current.Revision);

        await stayingWatch.DisposeAsync();
        Assert.Equal(1, _harness.Service.MirrorCount); // Kept warm a while.
        _harness.Time.Advance(_harness.Options.MirrorLinger);
        Assert.Equal(0, _harness.Service.MirrorCount);
        Assert.Equal(0, _harness.Authority.Fanout.ObserverCount(pad.PadId));

        await _harness.AppendAsync(pad.PadId, "3");
        await using var again = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);
        Assert.Equal("123", again.Current.Text);
    }

    [Fact]
    public async Task WatchAsync_AgainWithinTheLinger_ReusesTheWarmMirror()
    {
        var pad = await _harness.CreatePadAsync("warm");
        var first = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);
        var mirror = _harness.Service.FindMirror(pad.PadId);
        await first.DisposeAsync();
        _harness.Time.Advance(_harness.Options.MirrorLinger / 2);

        await using var second = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);
        _harness.Time.Advance(_harness.Options.MirrorLinger);

        Assert.Same(mirror, _harness.Service.FindMirror(pad.PadId));
        Assert.Equal(1, mirror!.LoadCount);
    }

    [Fact]
    public async Task WatchAsync_SessionPads_SnapshotIsForThatPad()
    {
        var session = await _harness.CreateSessionAsync("s1", 2);
        await using var watch = await _harness.Service.WatchAsync(session.ModeratorToken, session.PadIds[1], () => ValueTask.CompletedTask);
        Assert.Equal(session.PadIds[1], watch.Current.PadId);
        Assert.Equal("# Group 2\n", watch.Current.Text);
    }
}
