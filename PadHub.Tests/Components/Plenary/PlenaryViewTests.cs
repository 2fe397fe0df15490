using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Plenary;
using PadHub.Components.Sessions;
using PadHub.Tests.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Plenary;

public sealed class PlenaryViewTests : SessionComponentTest
{
    public PlenaryViewTests()
    {
        WatchEveryGroup(group => Pad(group.Number, 5));
        var module = Context.JSInterop.SetupModule(PlenaryView.ModulePath);
        module.Mode = JSRuntimeMode.Strict;
        module.SetupVoid("attach", _ => true).SetVoidResult();
        module.SetupVoid("detach", _ => true).SetVoidResult();
    }

    /// <summary>A pad with <paramref name="conclusions"/> marked passages, a mark inside code that never counts, and notes.</summary>
    internal static string Pad(int group, int conclusions) =>
        $"# Group {group}\n\nNotes of group {group}: `==not a mark==` in code.\n\n## Conclusions\n\n" +
        string.Concat(Enumerable.Range(1, conclusions).Select(n => $"- ==Conclusion {n} of group {group}: open data needs shared stewardship.==\n"));

    private IRenderedComponent<PlenaryView> RenderPlenary(string token = FakeWorkshopService.ModeratorToken)
    {
        var cut = Render<PlenaryView>(p => p.Add(x => x.Token, token));
        if (token == FakeWorkshopService.ModeratorToken)
        {
            cut.WaitForAssertion(() => Assert.Equal(15, cut.FindAll("[data-plenary-group] [data-conclusion]").Count));
        }

        return cut;
    }

    private static List<string> ConclusionTexts(IRenderedComponent<PlenaryView> cut, string groupId) =>
        [.. cut.FindAll($"[data-plenary-group][data-group-id={groupId}] [data-conclusion] .padhub-conclusion-text").Select(e => e.TextContent.Trim())];

    [Fact]
    public void Render_Moderator_EveryGroupSideBySideWithNameTopicAndConclusionsInPadOrder()
    {
        var cut = RenderPlenary();

        Assert.Equal(["g1", "g2", "g3"], cut.FindAll("[data-plenary-group]").Select(g => g.GetAttribute("data-group-id")));
        Assert.Equal("all", cut.Find("[data-plenary]").GetAttribute("data-mode"));
        Assert.Equal("Group 2", cut.Find("[data-group-id=g2] h2").TextContent);
        Assert.Contains("Topic 2", cut.Find("[data-group-id=g2] .padhub-plenary-group-topic").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [.. Enumerable.Range(1, 5).Select(n => $"Conclusion {n} of group 2: open data needs shared stewardship.")],
            ConclusionTexts(cut, "g2"));
        Assert.DoesNotContain("not a mark", cut.Find("[data-fit-area]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-rapporteur]"));
    }

    [Fact]
    public void Render_Rapporteur_ShownWithItsGroupLive()
    {
        var cut = RenderPlenary();

        Workshops.Publish(Workshops.State with { Groups = [.. Workshops.State.Groups.Select(g => g.GroupId == "g3" ? g with { Rapporteur = "Ada <b>Lovelace</b>" } : g)] });

        cut.WaitForAssertion(() => Assert.Equal("Presented by Ada <b>Lovelace</b>", cut.Find("[data-group-id=g3] [data-rapporteur]").TextContent));
        Assert.Empty(cut.FindAll("[data-rapporteur] b"));
        Assert.Single(cut.FindAll("[data-rapporteur]"));
    }

    [Fact]
    public async Task OnChanged_PassageMarked_AppearsLiveInItsGroupOnly()
    {
        var cut = RenderPlenary();

        await Watches.ChangeAsync("pad-1", Pad(1, 5) + "\nA late point: ==citizens **own** the data==.\n");

        cut.WaitForAssertion(() => Assert.Equal(6, ConclusionTexts(cut, "g1").Count));
        Assert.Equal("citizens own the data", ConclusionTexts(cut, "g1")[5]);
        Assert.Single(cut.FindAll("[data-group-id=g1] [data-order='6'] strong"));
        Assert.Equal(5, ConclusionTexts(cut, "g2").Count);
    }

    [Fact]
    public async Task Render_HostileConclusion_RenderedInert()
    {
        var cut = RenderPlenary();

        await Watches.ChangeAsync("pad-2", "==<script>window.x=1</script> <img src=x onerror=alert(1)> [go](javascript:alert(1))==\n");

        cut.WaitForAssertion(() => Assert.Single(ConclusionTexts(cut, "g2")));
        var conclusion = cut.Find("[data-group-id=g2] [data-conclusion]");
        Assert.Empty(conclusion.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain("javascript:", conclusion.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("<script>", conclusion.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_PadWithoutMarks_SaysNoConclusionsYet()
    {
        var cut = RenderPlenary();

        await Watches.ChangeAsync("pad-3", "# Group 3\n\n## Conclusions\n\nWe agree on open licences.\n");

        cut.WaitForAssertion(() => Assert.Contains("No conclusions marked yet", cut.Find("[data-group-id=g3] [data-conclusions-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ResultsLinkWithItsQrCode()
    {
        var cut = RenderPlenary();

        var link = cut.Find("[data-results-link]");
        Assert.Equal("http://localhost/r/res-token", link.GetAttribute("href"));
        Assert.Equal("http://localhost/r/res-token", link.TextContent);
        Assert.NotNull(cut.Find("[data-results-qr] svg"));
    }

    [Theory]
    [InlineData(FakeWorkshopService.AudienceToken)]
    [InlineData(FakeWorkshopService.NoteTakerToken)]
    [InlineData(FakeWorkshopService.ResultsToken)]
    [InlineData("revoked")]
    public void Render_NotTheModeratorsLink_InvalidLinkViewAndNothingWatched(string token)
    {
        var cut = RenderPlenary(token);

        cut.WaitForAssertion(() => cut.Find(".padhub-link-invalid"));
        Assert.Empty(cut.FindAll("[data-plenary]"));
        Assert.Equal(0, Workshops.SubscriptionCount);
        Assert.Equal(0, Watches.ActiveWatches);
    }

    [Fact]
    public void Prerender_AudienceLink_AlreadyTheInvalidLinkView()
    {
        Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Context.Render<PlenaryView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken));

        cut.Find(".padhub-link-invalid");
        Assert.Equal(0, Workshops.SubscriptionCount);
    }

    [Fact]
    public void FocusToggle_Clicked_ShowsThatGroupAloneUntilToggledBack()
    {
        var cut = RenderPlenary();

        cut.Find("[data-focus-group='2']").Click();

        Assert.Equal("group", cut.Find("[data-plenary]").GetAttribute("data-mode"));
        Assert.Equal("2", cut.Find("[data-plenary]").GetAttribute("data-focused-group"));
        Assert.Equal(["g1", "g3"], cut.FindAll(".padhub-plenary-hidden").Select(g => g.GetAttribute("data-group-id")));
        Assert.Equal("true", cut.Find("[data-focus-group='2']").GetAttribute("aria-pressed"));

        cut.Find("[data-focus-group='2']").Click();

        Assert.Equal("all", cut.Find("[data-plenary]").GetAttribute("data-mode"));
        Assert.Empty(cut.FindAll(".padhub-plenary-hidden"));
    }

    [Fact]
    public async Task ArrowKeys_MoveBetweenGroupsAndEscapeShowsAll()
    {
        var cut = RenderPlenary();
        string? Focused() => cut.Find("[data-plenary]").GetAttribute("data-focused-group");

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("ArrowRight"));
        Assert.Equal("1", Focused());
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("ArrowRight"));
        Assert.Equal("2", Focused());
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("ArrowLeft"));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("ArrowLeft"));
        Assert.Equal("3", Focused());

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Escape"));

        Assert.Equal("all", cut.Find("[data-plenary]").GetAttribute("data-mode"));
    }

    [Fact]
    public async Task Render_Attached_ModuleGivenThePageAndDetachedOnDispose()
    {
        var cut = RenderPlenary();

        cut.WaitForAssertion(() => Assert.Single(Context.JSInterop.Invocations, i => i.Identifier == "attach"));
        await cut.InvokeAsync(() => cut.Instance.DisposeAsync().AsTask());
        Assert.Single(Context.JSInterop.Invocations, i => i.Identifier == "detach");
    }

    [Fact]
    public void SpotlightConclusion_Clicked_SentWithTheModeratorsTokenAndShownUntilClickedAgain()
    {
        var cut = RenderPlenary();
        var expected = "Conclusion 3 of group 2: open data needs shared stewardship.";

        cut.Find("[data-group-id=g2] [data-order='3'] [data-spotlight-action=conclusion]").Click();

        Assert.Equal($"spotlight g2: {expected}", Workshops.Calls[^1]);
        Assert.Equal(new Spotlight("g2", expected), Workshops.State.Spotlight);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-group-id=g2] [data-order='3']").GetAttribute("data-spotlit")));
        Assert.Equal("conclusion", cut.Find("[data-plenary]").GetAttribute("data-spotlight"));
        Assert.Single(cut.FindAll("[data-conclusion][data-spotlit=true]"));

        cut.Find("[data-group-id=g2] [data-order='3'] [data-spotlight-action=conclusion]").Click();

        Assert.Equal("spotlight clear", Workshops.Calls[^1]);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-conclusion][data-spotlit=true]")));
    }

    [Fact]
    public void SpotlightGroup_ThenClear_SetsTheGroupAndClearsIt()
    {
        var cut = RenderPlenary();
        Assert.Empty(cut.FindAll("[data-spotlight-action=clear]"));

        cut.Find("[data-group-id=g1] [data-spotlight-action=group]").Click();

        Assert.Equal("spotlight g1: ", Workshops.Calls[^1]);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-plenary-group][data-group-id=g1]").GetAttribute("data-spotlit")));

        cut.Find("[data-spotlight-action=clear]").Click();

        Assert.Equal("spotlight clear", Workshops.Calls[^1]);
        cut.WaitForAssertion(() => Assert.Equal("none", cut.Find("[data-plenary]").GetAttribute("data-spotlight")));
        Assert.Null(Workshops.State.Spotlight);
    }

    [Fact]
    public void Spotlight_RefusedByTheServer_ChangesNothingAndSaysWhy()
    {
        var cut = RenderPlenary();
        // The moderator link was replaced while the page was open.
        Workshops.AddToken(FakeWorkshopService.ModeratorToken, new SessionAccess("session-1", SessionRole.Audience, null));

        cut.Find("[data-group-id=g1] [data-spotlight-action=group]").Click();

        Assert.Null(Workshops.State.Spotlight);
        Assert.DoesNotContain(Workshops.Calls, c => c.StartsWith("spotlight", StringComparison.Ordinal));
        Assert.Contains(Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars,
            s => s.Message != null && s.Message.Contains("Only the moderator's link", StringComparison.Ordinal));
    }
}
