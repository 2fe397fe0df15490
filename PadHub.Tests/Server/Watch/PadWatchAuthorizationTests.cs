using PadHub.Components.Contracts.Pads;
using PadHub.Server.Pads.Watch;

namespace PadHub.Tests.Server.Watch;

/// <summary>Who may watch which pad, and revoked links stop their watches.</summary>
public sealed class PadWatchAuthorizationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = WatchHarness.Deadline;
    private readonly WatchHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task WatchAsync_ModeratorAndAudience_WatchEveryPadOfTheirSession()
    {
        var session = await _harness.CreateSessionAsync("s1", 3);
        foreach (var token in new[] { session.ModeratorToken, session.AudienceToken })
        {
            foreach (var padId in session.PadIds)
            {
                await using var watch = await _harness.Service.WatchAsync(token, padId, () => ValueTask.CompletedTask);
                Assert.Equal(padId, watch.Current.PadId);
            }
        }
    }

    [Fact]
    public async Task WatchAsync_NoteTaker_WatchesItsGroupsPadOnly()
    {
        var session = await _harness.CreateSessionAsync("s1", 3);
        await using var own = await _harness.Service.WatchAsync(session.NoteTakerToken(2), session.PadIds[1], () => ValueTask.CompletedTask);
        Assert.Equal(session.PadIds[1], own.Current.PadId);

        var error = await Assert.ThrowsAsync<PadException>(() =>
            _harness.Service.WatchAsync(session.NoteTakerToken(2), session.PadIds[0], () => ValueTask.CompletedTask));
        Assert.Equal(PadErrorCodes.Forbidden, error.Code);
    }

    [Fact]
    public async Task WatchAsync_SessionTokenAndAPadOutsideItsSession_Forbidden()
    {
        var session = await _harness.CreateSessionAsync("s1", 1);
        var other = await _harness.CreateSessionAsync("s2", 1);
        var standalone = await _harness.CreatePadAsync("alone");

        foreach (var padId in new[] { other.PadIds[0], standalone.PadId, "no-such-pad" })
        {
            var error = await Assert.ThrowsAsync<PadException>(() =>
                _harness.Service.WatchAsync(session.ModeratorToken, padId, () => ValueTask.CompletedTask));
            Assert.Equal(PadErrorCodes.Forbidden, error.Code);
        }

        Assert.Equal(0, _harness.Service.MirrorCount);
    }

    [Theory]
    [InlineData("unknown-token")]
    [InlineData("")]
    [InlineData("a-token-far-too-long-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task WatchAsync_UnknownToken_NotFoundAndNothingLoaded(string token)
    {
        var pad = await _harness.CreatePadAsync();

        var error = await Assert.ThrowsAsync<PadException>(() => _harness.Service.WatchAsync(token, pad.PadId, () => ValueTask.CompletedTask));

        Assert.Equal(PadErrorCodes.NotFound, error.Code);
        Assert.Equal(0, _harness.Service.MirrorCount);
        Assert.Equal(0, _harness.Workshop.SubscriptionCount);
    }

    [Fact]
    public async Task WatchAsync_PadsOwnViewOrEditToken_WatchesThatPadOnly()
    {
        var pad = await _harness.CreatePadAsync("mine");
        var other = await _harness.CreatePadAsync("theirs");
        await using var byView = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);
        await using var byEdit = await _harness.Service.WatchAsync(pad.EditToken, pad.PadId, () => ValueTask.CompletedTask);
        Assert.Equal("mine", byView.Current.Text);
        Assert.Equal("mine", byEdit.Current.Text);

        var error = await Assert.ThrowsAsync<PadException>(() => _harness.Service.WatchAsync(pad.ViewToken, other.PadId, () => ValueTask.CompletedTask));
        Assert.Equal(PadErrorCodes.Forbidden, error.Code);
    }

    [Fact]
    public async Task WatchAsync_ManyWatchesOfOneToken_ShareOneSessionSubscription()
    {
        var session = await _harness.CreateSessionAsync("s1", 3);
        var watches = new List<IAsyncDisposable>();
        foreach (var padId in session.PadIds)
        {
            watches.Add(await _harness.Service.WatchAsync(session.AudienceToken, padId, () => ValueTask.CompletedTask));
            watches.Add(await _harness.Service.WatchAsync(session.AudienceToken, padId, () => ValueTask.CompletedTask));
        }

        Assert.Equal(1, _harness.Workshop.SubscriptionCount);
        foreach (var watch in watches)
        {
            await watch.DisposeAsync();
        }

        Assert.Equal(0, _harness.Workshop.SubscriptionCount);
    }

    [Fact]
    public async Task RevokedToken_WhenTheSessionStateChanges_ItsWatchesStopDeliveringAndNewOnesAreRefused()
    {
        var session = await _harness.CreateSessionAsync("s1", 1);
        var padId = session.PadIds[0];
        var revoked = new WatchRecorder();
        var other = new WatchRecorder();
        await using var revokedWatch = await _harness.Service.WatchAsync(session.ModeratorToken, padId, revoked.OnChangedAsync);
        await using var otherWatch = await _harness.Service.WatchAsync(session.AudienceToken, padId, other.OnChangedAsync);
        revoked.Watch = revokedWatch;
        other.Watch = otherWatch;

        await _harness.Workshop.RevokeAsync(session.ModeratorToken, publishState: true);
        await Waits.UntilAsync(() => ((PadWatch)revokedWatch).Stopped, Deadline, () => "the revoked link's watch to stop");
        await _harness.AppendAsync(padId, "after");
        _harness.Tick();

        await Waits.UntilAsync(() => other.LastSeen?.Text.EndsWith("after", StringComparison.Ordinal) == true, Deadline, () => "the other watch to see the edit");
        Assert.Equal(0, revoked.Calls);
        Assert.False(((PadWatch)otherWatch).Stopped);
        var error = await Assert.ThrowsAsync<PadException>(() => _harness.Service.WatchAsync(session.ModeratorToken, padId, () => ValueTask.CompletedTask));
        Assert.Equal(PadErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public async Task RevokedToken_WithoutAStateChange_StopsAtTheNextRecheck()
    {
        var session = await _harness.CreateSessionAsync("s1", 1);
        var pad = await _harness.CreatePadAsync("alone");
        await using var sessionWatch = await _harness.Service.WatchAsync(session.NoteTakerToken(1), session.PadIds[0], () => ValueTask.CompletedTask);
        await using var padWatch = await _harness.Service.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);

        await _harness.Workshop.RevokeAsync(session.NoteTakerToken(1), publishState: false);
        _harness.Authority.Store.RevokeToken(pad.ViewToken);
        Assert.False(((PadWatch)sessionWatch).Stopped);
        _harness.Time.Advance(_harness.Options.AccessRecheckInterval);

        await Waits.UntilAsync(() => ((PadWatch)sessionWatch).Stopped && ((PadWatch)padWatch).Stopped, Deadline, () => "both watches to stop");
        Assert.Equal(0, _harness.Workshop.SubscriptionCount);
    }

    [Fact]
    public async Task RevokedToken_ANewWatchWithIt_StopsTheRunningOnesAtOnce()
    {
        var session = await _harness.CreateSessionAsync("s1", 2);
        await using var running = await _harness.Service.WatchAsync(session.AudienceToken, session.PadIds[0], () => ValueTask.CompletedTask);
        await _harness.Workshop.RevokeAsync(session.AudienceToken, publishState: false);

        await Assert.ThrowsAsync<PadException>(() => _harness.Service.WatchAsync(session.AudienceToken, session.PadIds[1], () => ValueTask.CompletedTask));

        Assert.True(((PadWatch)running).Stopped);
    }

    [Fact]
    public async Task RevokedToken_LastWatchGone_TheMirrorIsReleased()
    {
        var session = await _harness.CreateSessionAsync("s1", 1);
        await using var watch = await _harness.Service.WatchAsync(session.ModeratorToken, session.PadIds[0], () => ValueTask.CompletedTask);
        await _harness.Workshop.RevokeAsync(session.ModeratorToken, publishState: true);
        await Waits.UntilAsync(() => ((PadWatch)watch).Stopped, Deadline, () => "the watch to stop");

        _harness.Time.Advance(_harness.Options.MirrorLinger);

        Assert.Equal(0, _harness.Service.MirrorCount);
        Assert.Equal("# Group 1\n", watch.Current.Text);
    }
}
