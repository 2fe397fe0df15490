using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Pads;
using PadHub.Tests.Fakes;
using PadHub.Tests.Server.Hubs;
using PadHub.Tests.Server.Pads;

namespace PadHub.Tests.Server.Watch;

/// <summary>The watch service as the real server registers it, with the system clock and SQLite.</summary>
public sealed class PadWatchServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = WatchHarness.Deadline;
    private readonly FakeWorkshopService _workshop = new();
    private readonly PadHubServerFactory _factory;

    public PadWatchServerTests()
    {
        _factory = new PadHubServerFactory(configureServices: services => services.AddSingleton<IWorkshopService>(_workshop));
    }

    public Task InitializeAsync()
    {
        _factory.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task WatchAsync_EditorTypesABurst_TheViewGetsFewerCallsThanEditsAndTheFinalText()
    {
        var pad = await _factory.CreatePadAsync("Notes\n");
        var watches = _factory.Services.GetRequiredService<IPadWatchService>();
        var recorder = new WatchRecorder();
        await using var watch = await watches.WatchAsync(pad.ViewToken, pad.PadId, recorder.OnChangedAsync);
        recorder.Watch = watch;
        var sessions = _factory.Services.GetRequiredService<IPadSessionService>();
        await using var editor = await sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("typist"), "Typist"), new RecordingListener());

        // 200 keystrokes sent together against the joined revision, as a fast client would before its acks return.
        var authority = _factory.Services.GetRequiredService<IPadAuthorityProvider>().GetAuthority(pad.PadId);
        var submits = Enumerable.Range(1, 200).Select(seq => authority.SubmitAsync(
            new PadSubmitCommand(editor.Joined.AuthorId, "typist", seq, 0, TextOperation.ForInsert(6, 6, "k"))));
        await Task.WhenAll(submits);
        var head = await authority.GetStateAsync();

        await Waits.UntilAsync(() => recorder.LastSeen?.Revision == 200, Deadline, () => $"the view at {recorder.LastSeen?.Revision}");
        Assert.Equal(head.Text, recorder.LastSeen!.Text);
        Assert.True(recorder.Calls < 200, $"{recorder.Calls} callbacks for 200 edits");
        Assert.Equal(1, recorder.MaxConcurrent);
        Assert.Equal(200, recorder.LastSeen.EditsPerMinute.Sum());
        Assert.Equal(["Typist"], _factory.Services.GetRequiredService<PadFanout>().GetParticipants(pad.PadId).Select(p => p.DisplayName));
    }

    [Fact]
    public async Task WatchPadLinkAsync_PadsOwnViewLink_FollowsThatPad_SessionLinkAndForgedTokenAreNotFound()
    {
        var pad = await _factory.CreatePadAsync("Notes\n");
        var watches = _factory.Services.GetRequiredService<IPadWatchService>();
        var recorder = new WatchRecorder();
        await using var watch = await watches.WatchPadLinkAsync(pad.ViewToken, recorder.OnChangedAsync);
        recorder.Watch = watch;
        var sessions = _factory.Services.GetRequiredService<IPadSessionService>();
        await using var editor = await sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, Guid.NewGuid().ToString("N"), "Typist"), new RecordingListener());

        await editor.SubmitAsync(1, 0, TextOperation.ForInsert(6, 6, "more"));

        Assert.Equal(pad.PadId, watch.Current.PadId);
        await Waits.UntilAsync(() => recorder.LastSeen?.Revision == 1, Deadline, () => $"the view at {recorder.LastSeen?.Revision}");
        Assert.Equal("Notes\nmore", recorder.LastSeen!.Text);
        _workshop.AddSession("s1", pad.PadId);
        _workshop.AddToken("moderator-token-of-s1", new SessionAccess("s1", SessionRole.Moderator, null));
        await using (await watches.WatchAsync("moderator-token-of-s1", pad.PadId, () => ValueTask.CompletedTask))
        {
            // A session link reaches the pad through WatchAsync, but names no pad of its own.
        }

        foreach (var token in new[] { "moderator-token-of-s1", "forged-token" })
        {
            var refused = await Assert.ThrowsAsync<PadException>(() => watches.WatchPadLinkAsync(token, () => ValueTask.CompletedTask));
            Assert.Equal(PadErrorCodes.NotFound, refused.Code);
        }
    }
}
