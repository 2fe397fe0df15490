using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Watch;
using PadHub.Server.Pads;
using PadHub.Server.Persistence;
using PadHub.Tests.Fakes;
using PadHub.Tests.Server.Pads;

namespace PadHub.Tests.Server.Watch;

/// <summary>The watch service over the real authority and fan-out, an in-memory store, a fake clock and a fake workshop.</summary>
internal sealed class WatchHarness : IAsyncDisposable
{
    // Generous: the whole suite shares two cores with browsers and servers; a healthy run takes well under a second.
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private long _seq;

    public WatchHarness(PadWatchOptions? options = null)
    {
        Options = options ?? new PadWatchOptions();
        Service = new PadWatchService(Workshop, Authority.Store, Authority.Provider, Authority.Fanout,
            Microsoft.Extensions.Options.Options.Create(Options), Authority.Time, NullLoggerFactory.Instance);
    }

    public AuthorityHarness Authority { get; } = new();

    public FakeWorkshopService Workshop { get; } = new();

    public PadWatchOptions Options { get; }

    public PadWatchService Service { get; }

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => Authority.Time;

    public Task<CreatedPad> CreatePadAsync(string text = "") => Authority.Store.CreatePadAsync(text);

    /// <summary>A session over new pads, with a moderator, an audience and one note-taker token per group.</summary>
    public async Task<TestSession> CreateSessionAsync(string sessionId, int groups)
    {
        var pads = new List<string>();
        for (var i = 0; i < groups; i++)
        {
            pads.Add((await CreatePadAsync($"# Group {i + 1}\n")).PadId);
        }

        Workshop.AddSession(sessionId, [.. pads]);
        Workshop.AddToken($"mod-{sessionId}", new SessionAccess(sessionId, SessionRole.Moderator, null));
        Workshop.AddToken($"aud-{sessionId}", new SessionAccess(sessionId, SessionRole.Audience, null));
        for (var i = 0; i < groups; i++)
        {
            Workshop.AddToken($"note-{sessionId}-{i + 1}", new SessionAccess(sessionId, SessionRole.NoteTaker, $"g{i + 1}"));
        }

        return new TestSession($"mod-{sessionId}", $"aud-{sessionId}", pads);
    }

    /// <summary>Appends <paramref name="text"/> at the pad's head as <paramref name="authorId"/>; returns the revision.</summary>
    public async Task<int> AppendAsync(string padId, string text, string authorId = "author")
    {
        var authority = Authority.Provider.GetAuthority(padId);
        var state = await authority.GetStateAsync();
        return await SubmitAsync(padId, state.Revision, TextOperation.ForInsert(state.Text.Length, state.Text.Length, text), authorId);
    }

    public async Task<int> SubmitAsync(string padId, int baseRevision, TextOperation operation, string authorId = "author")
    {
        var seq = Interlocked.Increment(ref _seq);
        var result = await Authority.Provider.GetAuthority(padId).SubmitAsync(new PadSubmitCommand(authorId, "client-" + authorId, seq, baseRevision, operation));
        return result.Revision;
    }

    public Task<PadStateResult> HeadAsync(string padId) => Authority.Provider.GetAuthority(padId).GetStateAsync();

    /// <summary>Lets the throttle publish what changed (the clock is fake: nothing is published until it moves).</summary>
    public void Tick() => Time.Advance(Options.NotifyInterval);

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Authority.DisposeAsync();
    }
}
