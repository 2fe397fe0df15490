using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;
using PadHub.Tests.Server.Sessions;
using static PadHub.Tests.Server.Sessions.SessionTestHelpers;

namespace PadHub.Tests.Server.Feed;

/// <summary>
/// The social feed on the real server against a local fake instance (<see cref="FakeMastodon"/>, reached through
/// <c>PadHub:SocialFeed:BaseAddressOverride</c>): polled only while watched, posts sanitised, <c>since_id</c> sent,
/// failures shown with their retry time, settings checked, stored and followed live.
/// </summary>
public sealed class SocialFeedServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private FakeMastodon _mastodon = null!;
    private PadHubServerFactory _server = null!;

    private ISocialFeedService Feeds => _server.Services.GetRequiredService<ISocialFeedService>();

    public async Task InitializeAsync()
    {
        _mastodon = await FakeMastodon.StartAsync();
        _server = new PadHubServerFactory(new Dictionary<string, string?>
        {
            ["PadHub:SeedDemo"] = "false",
            ["PadHub:SocialFeed:BaseAddressOverride"] = _mastodon.Address.ToString(),
            ["PadHub:SocialFeed:PollInterval"] = "00:00:01",
            ["PadHub:SocialFeed:QuietInterval"] = "00:00:01",
            ["PadHub:SocialFeed:MaxBackoff"] = "00:00:02",
        });
        _server.Start();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _mastodon.DisposeAsync();
    }

    [Fact]
    public async Task Watch_FeedWithPosts_ShowsThemSanitisedNewestFirstAndAsksSinceTheNewest()
    {
        _mastodon.Then(FakeMastodon.Json(FakeMastodon.Statuses(
            ("102", "ada", "<p>Who pays the <b>stewards</b>?<script>x</script></p>"),
            ("101", "grace@example.org", "<p>Open &amp; shared</p>"))));
        _mastodon.Then(FakeMastodon.Json(FakeMastodon.Statuses(("103", "linus", "<p>Third</p>"))));
        _mastodon.Then(FakeMastodon.Json("[]"));
        var session = await CreateAsync(new SessionFeedSettings("igf2018", "mastodon.social"));
        Assert.Empty(_mastodon.Requests);

        var states = new Watched<SocialFeedState>();
        await using var watch = await Feeds.WatchAsync(session.ModeratorToken, states.OnChanged);

        var live = await states.WaitAsync(s => s.Posts.Count == 3, Deadline);
        Assert.Equal(SocialFeedStatus.Live, live.Status);
        Assert.Equal(["103", "102", "101"], live.Posts.Select(p => p.PostId));
        Assert.Equal("Who pays the stewards?x", live.Posts[1].Text);
        Assert.Equal("@ada@mastodon.social", live.Posts[1].Account);
        Assert.Equal("https://mastodon.example/@ada/102", live.Posts[1].Url);
        var requests = _mastodon.Requests.ToArray();
        Assert.Equal("/api/v1/timelines/tag/igf2018?limit=20", requests[0]);
        Assert.Equal("/api/v1/timelines/tag/igf2018?limit=20&since_id=102", requests[1]);
    }

    [Fact]
    public async Task Watch_InstanceFails_SaysUnreachableWithTheRetryTimeThenRecovers()
    {
        _mastodon.Then(FakeMastodon.Json("{\"error\":\"down\"}", 503, new Dictionary<string, string> { ["Retry-After"] = "1" }));
        _mastodon.Then(FakeMastodon.Json(FakeMastodon.Statuses(("7", "ada", "<p>Back</p>"))));
        var session = await CreateAsync(new SessionFeedSettings("igf", "mastodon.social"));
        var states = new Watched<SocialFeedState>();
        await using var watch = await Feeds.WatchAsync(session.ModeratorToken, states.OnChanged);

        var down = await states.WaitAsync(s => s.Status == SocialFeedStatus.Unreachable, Deadline);
        Assert.NotNull(down.RetryAt);
        var back = await states.WaitAsync(s => s.Status == SocialFeedStatus.Live && s.Posts.Count == 1, Deadline);
        Assert.Equal("Back", back.Posts[0].Text);
    }

    [Fact]
    public async Task SetFeed_ModeratorSetsIt_IsStoredAndTheWatchedFeedStartsPolling()
    {
        _mastodon.Then(FakeMastodon.Json(FakeMastodon.Statuses(("5", "ada", "<p>On the new tag</p>"))));
        var session = await CreateAsync(null);
        var states = new Watched<SocialFeedState>();
        await using var watch = await Feeds.WatchAsync(session.ModeratorToken, states.OnChanged);
        Assert.Equal(SocialFeedStatus.Off, watch.Current.Status);
        Assert.Empty(_mastodon.Requests);

        await _server.Workshops().SetFeedAsync(session.ModeratorToken, new SessionFeedSettings("#OpenData", "https://Mastodon.Social"));

        await states.WaitAsync(s => s.Posts.Count == 1 && s.Settings == new SessionFeedSettings("OpenData", "mastodon.social"), Deadline);
        Assert.StartsWith("/api/v1/timelines/tag/OpenData?", _mastodon.Requests.First(), StringComparison.Ordinal);
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        var row = await db.SessionFeeds.SingleAsync(f => f.SessionId == session.SessionId);
        Assert.Equal(("OpenData", "mastodon.social"), (row.Hashtag, row.Instance));
    }

    [Fact]
    public async Task SetFeedAndWatch_BadSettingsOrNotTheModerator_AreRefusedAndChangeNothing()
    {
        var session = await CreateAsync(new SessionFeedSettings("igf", "mastodon.social"));
        var workshops = _server.Workshops();

        await RefusedAsync(() => workshops.SetFeedAsync(session.ModeratorToken, new SessionFeedSettings("igf", "http://evil.example")), PadErrorCodes.InvalidOp);
        await RefusedAsync(() => workshops.SetFeedAsync(session.ModeratorToken, new SessionFeedSettings("igf", "10.0.0.1")), PadErrorCodes.InvalidOp);
        await RefusedAsync(() => workshops.SetFeedAsync(session.ModeratorToken, new SessionFeedSettings("i g f", "mastodon.social")), PadErrorCodes.InvalidOp);
        await RefusedAsync(() => workshops.SetFeedAsync(session.AudienceToken, null), PadErrorCodes.Forbidden);
        await RefusedAsync(() => Feeds.WatchAsync(session.Groups[0].NoteTakerToken, _ => ValueTask.CompletedTask), PadErrorCodes.Forbidden);
        await RefusedAsync(() => Feeds.WatchAsync("not-a-token", _ => ValueTask.CompletedTask), PadErrorCodes.NotFound);
        Assert.Throws<SessionValidationException>(() =>
            workshops.CreateSessionAsync(Request(1) with { Feed = new SessionFeedSettings("igf", "localhost") }).GetAwaiter().GetResult());

        await using var watch = await workshops.WatchAsync(session.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.Equal(new SessionFeedSettings("igf", "mastodon.social"), watch.Current.Feed);
        Assert.Empty(_mastodon.Requests);
    }

    private Task<SessionCreated> CreateAsync(SessionFeedSettings? feed) =>
        _server.Workshops().CreateSessionAsync(Request(2) with { Feed = feed });
}
