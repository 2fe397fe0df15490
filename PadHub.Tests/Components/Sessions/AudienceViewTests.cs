using Bunit.TestDoubles;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Markdown;
using PadHub.Components.Sessions;
using PadHub.Tests.Components.Markdown;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

public sealed class AudienceViewTests : SessionComponentTest
{
    public AudienceViewTests() => WatchEveryGroup(group => $"# {group.Name}\n\nFirst note of {group.Name}.\n\n## Conclusions\n\nNone yet.\n");

    private IRenderedComponent<AudienceView> RenderAudience(int? group = null, int expectedPanes = 3)
    {
        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken).Add(x => x.Group, group));
        cut.WaitForAssertion(() => Assert.Equal(expectedPanes, cut.FindAll("[data-group-pane] [data-pad-text]").Count));
        return cut;
    }

    private static string PaneText(IRenderedComponent<AudienceView> cut, string groupId) =>
        cut.Find($"[data-group-id={groupId}] [data-pad-text]").TextContent;

    [Fact]
    public void Render_AllGroups_EveryGroupsPadRenderedWithBanner()
    {
        var cut = RenderAudience();

        Assert.Equal(["g1", "g2", "g3"], cut.FindAll("[data-group-pane]").Select(p => p.GetAttribute("data-group-id")));
        Assert.Equal("Group 2", cut.Find("[data-group-id=g2] [data-pad-text] h1").TextContent);
        Assert.Equal("Breakout groups", cut.Find("[data-phase]").GetAttribute("data-phase"));
        Assert.Equal("12:05", cut.Find("[data-countdown]").TextContent);
    }

    [Fact]
    public async Task OnChanged_MarkedConclusions_RenderedAsMarkAndHostileContentInert()
    {
        var cut = RenderAudience();

        await Watches.ChangeAsync("pad-2", HostileMarks.Pad);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-group-id=g2] [data-pad-text] mark").Count));
        HostileMarks.AssertRenderedSafely(cut.Find("[data-group-id=g2] [data-pad-text]"));
        Assert.Empty(cut.FindAll("[data-group-id=g1] mark"));
    }

    [Fact]
    public async Task OnChanged_TextTyped_UpdatesLive()
    {
        var cut = RenderAudience();

        await Watches.ChangeAsync("pad-2", "# Group 2\n\nFirst note of Group 2. And more.\n\n## Conclusions\n\nNone yet.\n");

        cut.WaitForAssertion(() => Assert.Contains("And more.", PaneText(cut, "g2"), StringComparison.Ordinal));
        Assert.DoesNotContain("And more.", PaneText(cut, "g1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnChanged_OneBlockEdited_OnlyThatBlockReplacedAndHighlighted()
    {
        var cut = RenderAudience();
        var before = cut.FindAll("[data-group-id=g1] [data-block-key]").Select(b => b.OuterHtml).ToList();
        var blocks = cut.FindAll("[data-group-id=g1] [data-block-key]").Select(b => b.GetAttribute("data-block-key")).ToList();
        Assert.Empty(cut.FindAll(".padhub-block-fresh"));

        await Watches.ChangeAsync("pad-1", "# Group 1\n\nFirst note of Group 1, edited.\n\n## Conclusions\n\nNone yet.\n");

        cut.WaitForAssertion(() => Assert.Contains("edited", PaneText(cut, "g1"), StringComparison.Ordinal));
        var after = cut.FindAll("[data-group-id=g1] [data-block-key]").Select(b => b.GetAttribute("data-block-key")).ToList();
        Assert.Equal(blocks.Count, after.Count);
        Assert.Equal([1], Enumerable.Range(0, blocks.Count).Where(i => blocks[i] != after[i]));
        var fresh = Assert.Single(cut.FindAll(".padhub-block-fresh"));
        Assert.Equal(after[1], fresh.GetAttribute("data-block-key"));
        Assert.Equal("true", fresh.GetAttribute("data-latest"));
        // Every other block is the same element as before: same key, same markup, no highlight, nothing to send.
        var afterHtml = cut.FindAll("[data-group-id=g1] [data-block-key]").Select(b => b.OuterHtml).ToList();
        Assert.Equal([before[0], before[2], before[3]], [afterHtml[0], afterHtml[2], afterHtml[3]]);
        Assert.NotEqual(before[1], afterHtml[1]);
    }

    [Fact]
    public void Render_GroupQuery_OnlyThatGroup()
    {
        var cut = RenderAudience(group: 2, expectedPanes: 1);

        Assert.Equal("g2", cut.Find("[data-group-pane]").GetAttribute("data-group-id"));
        Assert.Equal("true", cut.Find("[data-group-filter='2']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void GroupFilter_Clicked_ShowsThatGroupAndUpdatesAddress()
    {
        var cut = RenderAudience();

        cut.Find("button[data-group-filter='3']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["g3"], cut.FindAll("[data-group-pane]").Select(p => p.GetAttribute("data-group-id"))));
        Assert.EndsWith("?group=3", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        cut.Find("button[data-group-filter=all]").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane]").Count));
    }

    [Fact]
    public void Contribute_AudienceCannotEdit_NoJoinButton()
    {
        var cut = RenderAudience();

        Assert.Empty(cut.FindAll("[data-contribute]"));
    }

    [Fact]
    public void Contribute_ResultsLinkOnTheAudiencePage_NoJoinButtonEvenWhenTheAudienceCanEdit()
    {
        Workshops.Publish(Workshops.State with { AudienceCanEdit = true });

        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.ResultsToken));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane]").Count));
        Assert.Empty(cut.FindAll("[data-contribute]"));
    }

    [Fact]
    public void Contribute_AudienceCanEdit_AsksNameRemembersItAndOpensTheEditor()
    {
        Workshops.Publish(Workshops.State with { AudienceCanEdit = true });
        var module = Context.JSInterop.SetupModule(AudienceView.ModulePath);
        module.Setup<string?>("displayName").SetResult(null);
        module.SetupVoid("rememberName", "Linus").SetVoidResult();
        var cut = RenderAudience();

        cut.Find("button[data-contribute=g2]").Click();
        cut.WaitForAssertion(() => cut.Find("#padhub-contributor-name"));
        cut.Find("#padhub-contributor-name").Input("Linus");
        cut.Find(".padhub-audience-join form").Submit();

        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith(SessionRoutes.EditSessionPad(FakeWorkshopService.AudienceToken, "pad-2"), navigation.Uri, StringComparison.Ordinal));
        module.VerifyInvoke("rememberName");
    }

    [Fact]
    public async Task FollowLatest_On_ScrollsTheChangedBlockIntoView()
    {
        var module = Context.JSInterop.SetupModule(LivePadMarkdown.ModulePath);
        module.SetupVoid("scrollToLatest", _ => true).SetVoidResult();
        var cut = RenderAudience();
        cut.Find(".padhub-audience-follow input").Change(true);

        await Watches.ChangeAsync("pad-3", "# Group 3\n\nSomething new.\n");

        cut.WaitForAssertion(() => Assert.Single(module.Invocations["scrollToLatest"]));
    }

    [Fact]
    public async Task FollowLatest_Off_NeverScrolls()
    {
        var module = Context.JSInterop.SetupModule(LivePadMarkdown.ModulePath);
        module.SetupVoid("scrollToLatest", _ => true).SetVoidResult();
        var cut = RenderAudience();

        await Watches.ChangeAsync("pad-3", "# Group 3\n\nSomething new.\n");

        cut.WaitForAssertion(() => Assert.Contains("Something new.", PaneText(cut, "g3"), StringComparison.Ordinal));
        Assert.Empty(module.Invocations["scrollToLatest"]);
    }
}
