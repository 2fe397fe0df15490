using Bunit;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Components.Markdown;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

public sealed class GroupPaneTests : SessionComponentTest
{
    private static readonly SessionGroup Group = new("g1", 1, "Open data", "How to collect open data?", ["Ada"], "pad-1");

    public GroupPaneTests()
    {
        Watches.Set("pad-1", "# Group 1\n\nFirst idea.\n");
    }

    private static PadParticipant Participant(string name, string authorId) => new($"client-{name}", authorId, name, "#1e88e5", PadRole.Editor);

    private IRenderedComponent<GroupPane> RenderPane(double quietAfterMinutes = 3)
    {
        var cut = Render<GroupPane>(p => p
            .Add(x => x.Token, FakeWorkshopService.ModeratorToken)
            .Add(x => x.Group, Group)
            .Add(x => x.QuietAfterMinutes, quietAfterMinutes));
        cut.WaitForAssertion(() => cut.Find("[data-pad-text]"));
        return cut;
    }

    [Fact]
    public void Render_WatchedPad_ShowsGroupAndRenderedText()
    {
        var cut = RenderPane();

        var pane = cut.Find("[data-group-pane]");
        Assert.Equal("g1", pane.GetAttribute("data-group-id"));
        Assert.Contains("Open data", pane.TextContent, StringComparison.Ordinal);
        Assert.Contains("How to collect open data?", pane.TextContent, StringComparison.Ordinal);
        Assert.Equal("First idea.", cut.Find("[data-pad-text] p").TextContent);
        Assert.Equal(SessionRoutes.EditSessionPad(FakeWorkshopService.ModeratorToken, "pad-1"), cut.Find("[data-open-pad]").GetAttribute("href"));
        Assert.Equal($"/p/{FakeWorkshopService.ModeratorToken}/pad-1?history=true", cut.Find("[data-open-history]").GetAttribute("href"));
    }

    [Fact]
    public async Task OnChanged_NewText_PaneUpdatesLive()
    {
        var cut = RenderPane();

        await Watches.ChangeAsync("pad-1", "# Group 1\n\nFirst idea.\n\nSecond idea.\n");

        cut.WaitForAssertion(() => Assert.Equal(["First idea.", "Second idea."], cut.FindAll("[data-pad-text] p").Select(p => p.TextContent)));
    }

    [Fact]
    public async Task OnChanged_ParticipantsAndTyping_ShowsChipsAndTypingNames()
    {
        var cut = RenderPane();

        await Watches.ChangeAsync("pad-1", "x", [Participant("Ada", "a1"), Participant("Grace", "a2"), Participant("Linus", "a3")], typing: ["a2", "a3", "gone"]);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".padhub-participant").Count));
        Assert.Equal("Grace, Linus", cut.Find("[data-typing]").GetAttribute("data-typing"));
        Assert.Contains("Grace, Linus are typing", cut.Find("[data-typing]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sparkline_FiveMinuteBuckets_OnePointPerMinuteAndAccessibleLabel()
    {
        var cut = RenderPane();

        await Watches.ChangeAsync("pad-1", "x", editsPerMinute: [0, 4, 8, 2, 0]);

        cut.WaitForAssertion(() =>
        {
            var points = cut.Find(".padhub-sparkline polyline").GetAttribute("points")!.Split(' ');
            Assert.Equal(5, points.Length);
            // The busiest minute (8) is at the top of the 24 px box, idle minutes at the bottom.
            Assert.Equal(["1,23", "25.5,12", "50,1", "74.5,17.5", "99,23"], points);
        });
        Assert.Equal("Edits per minute over the last 5 minutes, oldest first: 0, 4, 8, 2, 0", cut.Find(".padhub-sparkline").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Quiet_NoEditForThreshold_HighlightedOnceTheClockPassesIt()
    {
        await Watches.ChangeAsync("pad-1", "x", lastEditAt: Now.AddMinutes(-2));
        var cut = RenderPane(quietAfterMinutes: 3);
        Assert.Equal("false", cut.Find("[data-group-pane]").GetAttribute("data-quiet"));
        Assert.Contains("Last edit 2 min ago", cut.Find("[data-last-edit]").TextContent, StringComparison.Ordinal);

        Time.Advance(TimeSpan.FromMinutes(1));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-group-pane]").GetAttribute("data-quiet")));
        Assert.Contains("Quiet group", cut.Find("[data-group-pane]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Last edit 3 min ago", cut.Find("[data-last-edit]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_EditArrives_HighlightCleared()
    {
        await Watches.ChangeAsync("pad-1", "x", lastEditAt: Now.AddMinutes(-10));
        var cut = RenderPane(quietAfterMinutes: 3);
        Assert.Equal("true", cut.Find("[data-group-pane]").GetAttribute("data-quiet"));

        await Watches.ChangeAsync("pad-1", "xy", lastEditAt: Now);

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-group-pane]").GetAttribute("data-quiet")));
    }

    [Fact]
    public void Conclusions_NoMarks_SaysNoneMarkedYetEvenUnderAConclusionsHeading()
    {
        Watches.Set("pad-1", "# Group 1\n\n## Conclusions\n\nWe should fund the commons.\n");

        var cut = RenderPane();

        var box = cut.Find("[data-conclusions]");
        Assert.Equal("0", box.GetAttribute("data-count"));
        Assert.Contains("No conclusions marked yet", box.TextContent, StringComparison.Ordinal);
        Assert.Empty(box.QuerySelectorAll("[data-conclusion]"));
    }

    [Fact]
    public async Task Conclusions_MarkedPassages_ListedLiveNumberedInPadOrder()
    {
        var cut = RenderPane();

        await Watches.ChangeAsync("pad-1",
            "# Group 1\n\nWe agree: ==open data **by default**==.\n\n## Conclusions\n\n- ==Fund the commons==\n- not this\n");

        cut.WaitForAssertion(() => Assert.Equal(["1", "2"], cut.FindAll("[data-conclusion]").Select(li => li.GetAttribute("data-conclusion"))));
        var items = cut.FindAll("[data-conclusion]");
        Assert.Equal("ol", items[0].ParentElement!.LocalName);
        Assert.Equal(["open data by default", "Fund the commons"], items.Select(li => li.QuerySelector("mark")!.TextContent));
        Assert.Equal("by default", items[0].QuerySelector("mark strong")!.TextContent);
        Assert.Equal("2", cut.Find("[data-conclusions]").GetAttribute("data-count"));

        await Watches.ChangeAsync("pad-1", "# Group 1\n\nWe agree: open data by default.\n\n## Conclusions\n\n- ==Fund the commons==\n");

        cut.WaitForAssertion(() => Assert.Equal(["Fund the commons"], cut.FindAll("[data-conclusion] mark").Select(m => m.TextContent)));
        Assert.Equal("1", cut.Find("[data-conclusion]").GetAttribute("data-conclusion"));
    }

    [Fact]
    public async Task Conclusions_PassageStartingLikeABlock_StaysOneInlinePassage()
    {
        var cut = RenderPane();

        await Watches.ChangeAsync("pad-1", "A ==# not a heading== and ==1. not a list== and\n> ==quoted\n> over lines==\n");

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-conclusion]").Count));
        var box = cut.Find("[data-conclusions]");
        Assert.Empty(box.QuerySelectorAll("h1, ol ol, li ol, blockquote"));
        Assert.Equal(["# not a heading", "1. not a list", "quoted > over lines"], box.QuerySelectorAll("mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task Conclusions_HostileMarkdown_RenderedInertInTheBoxAndThePad()
    {
        var cut = RenderPane();

        await Watches.ChangeAsync("pad-1", HostileMarks.Pad);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-conclusion]").Count));
        var box = cut.Find("[data-conclusions]");
        Assert.Equal(2, box.QuerySelectorAll("mark").Length);
        Assert.Empty(box.QuerySelectorAll("script, img, b, [onerror], [onmouseover]"));
        Assert.All(box.QuerySelectorAll("a"), a => Assert.DoesNotContain("javascript", a.GetAttribute("href") ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("<script>alert(1)</script>", box.QuerySelector("mark")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("not in code", box.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("nor in a fence", box.TextContent, StringComparison.Ordinal);
        HostileMarks.AssertRenderedSafely(cut.Find("[data-pad-text]"));
    }

    [Fact]
    public void Zoom_Clicked_PaneExpandsAndBack()
    {
        var cut = RenderPane();

        cut.Find("button[data-zoom]").Click();
        Assert.Contains("padhub-pane-zoomed", cut.Find("[data-group-pane]").ClassList);

        cut.Find("button[data-zoom]").Click();
        Assert.DoesNotContain("padhub-pane-zoomed", cut.Find("[data-group-pane]").ClassList);
    }

    [Fact]
    public async Task DisposeAsync_Watching_StopsTheWatch()
    {
        var cut = RenderPane();
        Assert.Equal(1, Watches.ActiveWatches);

        await cut.InvokeAsync(() => cut.Instance.DisposeAsync().AsTask());

        Assert.Equal(0, Watches.ActiveWatches);
    }
}
