using System.Reflection;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Sessions.Feed;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions.Feed;

/// <summary>The moderator's social feed panel over a scripted feed: posts as text, "add as a question", the unreachable state, settings.</summary>
public sealed class SocialFeedPanelTests : SessionComponentTest
{
    private static readonly SessionFeedSettings Settings = new("igf2018", "mastodon.social");
    private readonly ScriptedFeeds _feeds = new();
    private readonly IQuestionService _questions = RecordingQuestions.Create();

    public SocialFeedPanelTests()
    {
        Context.Services.AddSingleton<ISocialFeedService>(_feeds);
        Context.Services.AddSingleton(_questions);
    }

    private List<(string Method, object?[] Args)> QuestionCalls => ((RecordingQuestions)(object)_questions).Calls;

    private IRenderedComponent<SocialFeedPanel> RenderPanel()
    {
        var cut = Render<SocialFeedPanel>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken));
        cut.WaitForAssertion(() => Assert.NotNull(_feeds.OnChanged));
        return cut;
    }

    [Fact]
    public async Task Live_Posts_RenderedAsTextWithAuthorAndSafeLink()
    {
        var cut = RenderPanel();

        await cut.InvokeAsync(() => _feeds.Publish(new SocialFeedState(1, SocialFeedStatus.Live, Settings,
            [new SocialPost("9", "@ada@mastodon.social", "Ada", "<img src=x onerror=alert(1)> Who funds it?", "https://mastodon.social/@ada/9", Now)])));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-feed-post]")));
        var post = cut.Find("[data-feed-post='9']");
        Assert.Empty(post.QuerySelectorAll("img"));
        Assert.Equal("<img src=x onerror=alert(1)> Who funds it?", post.QuerySelector(".padhub-feed-post-text")!.TextContent);
        Assert.Contains("@ada@mastodon.social", post.TextContent, StringComparison.Ordinal);
        var link = post.QuerySelector("a")!;
        Assert.Equal("https://mastodon.social/@ada/9", link.GetAttribute("href"));
        Assert.Contains("noopener", link.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Equal("live", cut.Find("[data-social-feed]").GetAttribute("data-feed-status"));
        Assert.Equal("#igf2018 · mastodon.social", cut.Find("[data-feed-source]").TextContent);
    }

    [Fact]
    public async Task AddAsQuestion_Post_GoesToTheQuestionsWithAuthorAndLinkAsSource()
    {
        var cut = RenderPanel();
        await cut.InvokeAsync(() => _feeds.Publish(new SocialFeedState(1, SocialFeedStatus.Live, Settings,
            [new SocialPost("9", "@ada@mastodon.social", null, "Who funds it?", "https://mastodon.social/@ada/9", Now)])));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-action=add-feed-question]")));

        cut.Find("[data-action=add-feed-question]").Click();

        cut.WaitForAssertion(() => Assert.Single(QuestionCalls));
        var (method, args) = QuestionCalls[0];
        Assert.Equal(nameof(IQuestionService.AddFromElsewhereAsync), method);
        Assert.Equal([FakeWorkshopService.ModeratorToken, "Who funds it?", "Mastodon, @ada@mastodon.social, https://mastodon.social/@ada/9", null], args.Take(4));
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-action=add-feed-question]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Unreachable_Feed_SaysSoWithTheTimeToTheNextTry()
    {
        var cut = RenderPanel();

        await cut.InvokeAsync(() => _feeds.Publish(new SocialFeedState(1, SocialFeedStatus.Unreachable, Settings, [], Now.AddSeconds(45))));

        cut.WaitForAssertion(() => Assert.Equal("The feed cannot be reached; retrying in 0:45.", cut.Find("[data-feed-unreachable]").TextContent.Trim()));
        Time.Advance(TimeSpan.FromSeconds(15));
        cut.WaitForAssertion(() => Assert.Contains("retrying in 0:30", cut.Find("[data-feed-unreachable]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_BadInstance_SaysWhyAndSendsNothing_GoodOnesAreSent()
    {
        var cut = RenderPanel();
        cut.Find("[data-action=feed-settings]").Click();
        cut.Find("#padhub-feed-hashtag").Input("#OpenData");
        cut.Find("#padhub-feed-instance").Input("http://10.0.0.1");

        cut.Find("[data-feed-settings]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("public host name", cut.Find("[data-feed-settings-error]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(Workshops.Calls, c => c.StartsWith("feed", StringComparison.Ordinal));

        cut.Find("#padhub-feed-instance").Input("https://Mastodon.Social");
        cut.Find("[data-feed-settings]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("feed #OpenData on mastodon.social", Workshops.Calls));
    }

    /// <summary>A feed the test drives: one watcher, states published by hand.</summary>
    private sealed class ScriptedFeeds : ISocialFeedService
    {
        public Func<SocialFeedState, ValueTask>? OnChanged { get; private set; }

        public Task<ISocialFeedSubscription> WatchAsync(string moderatorToken, Func<SocialFeedState, ValueTask> onChanged, CancellationToken cancellationToken = default)
        {
            OnChanged = onChanged;
            return Task.FromResult<ISocialFeedSubscription>(new Subscription());
        }

        public async Task Publish(SocialFeedState state) => await OnChanged!(state);

        private sealed class Subscription : ISocialFeedSubscription
        {
            public SocialFeedState Current => SocialFeedState.Off;

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

/// <summary>An <see cref="IQuestionService"/> that records every call and answers defaults (completed tasks).</summary>
public class RecordingQuestions : DispatchProxy
{
    public List<(string Method, object?[] Args)> Calls { get; } = [];

    public static IQuestionService Create() => Create<IQuestionService, RecordingQuestions>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Add((targetMethod.Name, args ?? []));
        var type = targetMethod.ReturnType;
        if (type == typeof(Task))
        {
            return Task.CompletedTask;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = type.GetGenericArguments()[0];
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result)
                .Invoke(null, [result.IsValueType ? Activator.CreateInstance(result) : null]);
        }

        return null;
    }
}
