using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Components.Pages;

namespace PadHub.Tests.Components;

public sealed class HomeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ServerNow = new(2030, 5, 17, 9, 30, 0, TimeSpan.Zero);

    private readonly BunitContext _context = MudBunit.CreateContext();

    public HomeTests() => _context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ServerNow));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Render_WhilePrerendering_MarksPageNotInteractiveAndDisablesButton()
    {
        _context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = _context.Render<Home>();

        Assert.Equal("false", cut.Find("[data-interactive]").GetAttribute("data-interactive"));
        Assert.True(cut.Find("#check-server").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_WhenInteractive_MarksPageInteractiveAndEnablesButton()
    {
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = _context.Render<Home>();

        Assert.Equal("true", cut.Find("[data-interactive]").GetAttribute("data-interactive"));
        Assert.False(cut.Find("#check-server").HasAttribute("disabled"));
    }

    [Fact]
    public void CheckConnection_WhenClicked_ShowsServerTime()
    {
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = _context.Render<Home>();
        Assert.Empty(cut.FindAll("#server-status"));

        cut.Find("#check-server").Click();

        cut.WaitForAssertion(() =>
        {
            var status = cut.Find("#server-status").TextContent;
            Assert.Contains("Connected to PadHub server", status, StringComparison.Ordinal);
            Assert.Contains("2030-05-17 09:30:00 UTC", status, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Render_NoWorkshopServices_HomeStillWorksWithoutDemoOrForm()
    {
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = _context.Render<Home>();

        Assert.Empty(cut.FindAll("[data-demo-workshop]"));
        Assert.Contains("not available on this server", cut.Find("[data-session-form]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DemoWorkshopRegistered_ShowsItsLinks()
    {
        var links = new SessionLinks("s1", "IGF 2018 WS #42", "mod", "aud", [new GroupLinks("g1", "Group 1", "pad-1", "note-1")]);
        _context.Services.AddSingleton<IDemoWorkshop>(new DemoWorkshop(links));
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = _context.Render<Home>();

        var demo = cut.Find("[data-demo-workshop]");
        Assert.Contains("IGF 2018 WS #42", demo.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/m/mod", "/m/mod/share", "/a/aud", "/p/note-1"], demo.QuerySelectorAll("[data-demo-link]").Select(a => a.GetAttribute("href")));
    }

    private sealed record DemoWorkshop(SessionLinks? Links) : IDemoWorkshop;
}
