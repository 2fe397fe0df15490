using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Markdown;
using PadHub.Components.Results;
using PadHub.Tests.Components.Sessions;
using PadHub.Tests.Fakes;
using PadHub.Tests.Server.Results;

namespace PadHub.Tests.Components.Results;

public sealed class ResultsViewTests : SessionComponentTest
{
    private readonly FakeResultsService _results = new() { Snapshot = ResultsSamples.Snapshot() };

    public ResultsViewTests()
    {
        Context.Services.AddSingleton<PadHub.Components.Contracts.Results.IResultsService>(_results);
        var module = Context.JSInterop.SetupModule(ResultsDownloads.ModulePath);
        module.SetupVoid("attach", _ => true).SetVoidResult();
        module.SetupVoid("detach", _ => true).SetVoidResult();
        Context.JSInterop.SetupModule(LivePadMarkdown.ModulePath).Mode = JSRuntimeMode.Loose;
        Watches.Tokens.Add(FakeWorkshopService.ResultsToken);
        Watches.Set("pad1", "live text");
        Watches.Set("pad2", "live text");
    }

    private IRenderedComponent<ResultsView> RenderResults(string token = FakeWorkshopService.ResultsToken) =>
        Render<ResultsView>(p => p.Add(v => v.Token, token));

    [Fact]
    public void Render_EndedSession_ShowsTheSessionItsLicenceAndEveryGroup()
    {
        var view = RenderResults();

        Assert.Equal("ended", view.Find("[data-results-state]").GetAttribute("data-results-state"));
        Assert.Contains("Commons & open data", view.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("Session ended 3 December 2026, 14:30 UTC", view.Find("[data-results-notice]").TextContent, StringComparison.Ordinal);
        var licence = view.Find("[data-results-licence] a");
        Assert.Equal(("https://creativecommons.org/licenses/by-sa/4.0/", "Creative Commons Attribution Share-Alike 4.0"), (licence.GetAttribute("href"), licence.TextContent.Trim()));
        Assert.Contains("Breakout groups, 45 min", view.Find(".padhub-results-schedule").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, view.FindAll("[data-results-group]").Count);
        Assert.Equal("Rapporteur, One", view.Find("[data-results-rapporteur='1']").TextContent);
        Assert.Equal("not named yet", view.Find("[data-results-rapporteur='2']").TextContent);
    }

    [Fact]
    public void Render_EndedSession_ListsConclusionsNamedVersionsAndThePadInFull()
    {
        var view = RenderResults();

        var conclusions = view.FindAll("[data-results-group='1'] [data-results-conclusion]").Select(c => c.TextContent).ToArray();
        Assert.Equal(["We agree, \"mostly\"", "share data openly"], conclusions);
        Assert.Contains("No conclusion marked", view.Find("[data-results-group='2']").TextContent, StringComparison.Ordinal);
        Assert.Contains("before conclusions", view.Find("[data-results-group='1'] [data-results-named-revision='3']").TextContent, StringComparison.Ordinal);
        Assert.NotNull(view.Find("[data-results-pad-text='1'] h1"));
        Assert.Equal("/r/res-token/pads/1", view.Find("[data-results-live-pad='1']").GetAttribute("href"));
    }

    [Fact]
    public void Render_EndedSession_LinksEveryDownloadAtItsStableUrl()
    {
        var view = RenderResults();

        var downloads = view.FindAll("[data-results-downloads] [data-results-download]")
            .Select(a => (a.GetAttribute("data-results-download"), a.GetAttribute("href"))).ToArray();

        string[] files = ["export.zip", "conclusions.md", "datapackage.json", "groups.csv", "conclusions.csv", "contributions.csv", "questions.csv",
            "group-1.md", "group-1.txt", "group-1.html", "group-2.md", "group-2.txt", "group-2.html"];
        Assert.Equal(files.Select(f => ((string?)f, (string?)$"/r/res-token/{f}")), downloads);
        Assert.Equal(1, Context.JSInterop.Invocations.Count(i => i.Identifier == "attach"));
    }

    [Fact]
    public void Render_HostilePad_RendersNoScriptOrHandler()
    {
        _results.Snapshot = ResultsSamples.Snapshot(firstPad: ResultsSamples.HostilePad, groupName: "<script>alert(1)</script>");

        var view = RenderResults();

        Assert.Empty(view.FindAll("script, iframe, img"));
        Assert.DoesNotContain(view.FindAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", view.Markup, StringComparison.Ordinal);
        Assert.Contains("Group 1: <script>alert(1)</script>", view.Find("[data-results-group='1'] h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LiveSession_SaysInProgressAndShowsTheEndOnceItComes()
    {
        _results.Snapshot = ResultsSamples.Snapshot(ended: false);
        var view = RenderResults();
        Assert.Equal("live", view.Find("[data-results-state]").GetAttribute("data-results-state"));
        Assert.Contains("Session in progress", view.Find("[data-results-notice]").TextContent, StringComparison.Ordinal);

        _results.Snapshot = ResultsSamples.Snapshot(ended: true);
        Workshops.Publish(Workshops.State with { Locked = true });
        Time.Advance(ResultsView.RefreshInterval);

        view.WaitForAssertion(() => Assert.Equal("ended", view.Find("[data-results-state]").GetAttribute("data-results-state")));
    }

    [Fact]
    public async Task Render_LiveSession_APadEditRefreshesTheSnapshot()
    {
        _results.Snapshot = ResultsSamples.Snapshot(ended: false);
        var view = RenderResults();
        _results.Snapshot = ResultsSamples.Snapshot(ended: false, firstPad: "==A new conclusion==");

        await Watches.ChangeAsync("pad1", "typed");
        Time.Advance(ResultsView.RefreshInterval);

        view.WaitForAssertion(() => Assert.Equal("A new conclusion", view.Find("[data-results-group='1'] [data-results-conclusion]").TextContent));
    }

    [Fact]
    public void Render_UnknownToken_ShowsTheInvalidLinkPage()
    {
        var view = RenderResults("made-up");

        Assert.Empty(view.FindAll("[data-results-state]"));
        Assert.Contains("not valid", view.Markup, StringComparison.OrdinalIgnoreCase);
    }
}
