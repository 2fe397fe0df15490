using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Pads;
using PadHub.Components.Viewer;
using PadHub.Core.Operations;

namespace PadHub.Tests.Components;

public sealed class PadViewerTests : IAsyncLifetime
{
    private readonly BunitContext _context = MudBunit.CreateContext();
    private readonly FakePadSessionService _sessions = new();

    public PadViewerTests()
    {
        _context.Services.AddSingleton<IPadSessionService>(_sessions);
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<PadViewer> RenderViewer(string text)
    {
        _sessions.Text = text;
        _sessions.Role = PadRole.Viewer;
        var cut = _context.Render<PadViewer>(p => p.Add(x => x.Token, FakePadSessionService.ValidToken));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-viewer").GetAttribute("data-interactive")));
        return cut;
    }

    [Fact]
    public void Render_Markdown_ShowsRenderedHtml()
    {
        var cut = RenderViewer("# Findings\n\n- **one**\n- two\n\n[notes](https://example.org/notes)");

        var content = cut.Find(".padhub-viewer-content");
        Assert.Equal("Findings", content.QuerySelector("h1")?.TextContent);
        Assert.Equal("one", content.QuerySelector("li strong")?.TextContent);
        Assert.Equal("https://example.org/notes", content.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Render_HostileContent_StripsScriptsRawHtmlAndJavascriptLinks()
    {
        var cut = RenderViewer(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<b onclick=\"alert(3)\">raw</b>\n\n" +
            "[click](javascript:alert(4)) and ![pic](javascript:alert(5)) and <a href=\"javascript:alert(6)\">a</a>\n\n" +
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)");

        var content = cut.Find(".padhub-viewer-content");
        Assert.Empty(content.QuerySelectorAll("script, img[onerror], b, [onclick], iframe"));
        foreach (var element in content.QuerySelectorAll("[href], [src]"))
        {
            var url = element.GetAttribute("href") ?? element.GetAttribute("src") ?? "";
            Assert.DoesNotContain("javascript:", url, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", url, StringComparison.OrdinalIgnoreCase);
        }

        // Raw HTML is shown as text, never interpreted.
        Assert.Contains("<script>alert(1)</script>", content.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnOperationApplied_RemoteOperation_UpdatesRendering()
    {
        var cut = RenderViewer("# Draft");
        var e = _sessions.CommitRemote(TextOperation.Parse("[7,\"\\n\\nNew *point*\"]"));

        await _sessions.Listener!.OnOperationAppliedAsync(e);

        cut.WaitForAssertion(() => Assert.Equal("point", cut.Find(".padhub-viewer-content em").TextContent));
        Assert.Equal("1", cut.Find(".padhub-viewer").GetAttribute("data-revision"));
    }

    [Fact]
    public async Task OnOperationApplied_GapInRevisions_CatchesUpFromHistory()
    {
        var cut = RenderViewer("a");
        _sessions.CommitRemote(TextOperation.Parse("[1,\"b\"]"), seq: 1);
        var second = _sessions.CommitRemote(TextOperation.Parse("[2,\"c\"]"), seq: 2);

        await _sessions.Listener!.OnOperationAppliedAsync(second); // revision 1 never arrived

        cut.WaitForAssertion(() => Assert.Equal("abc", cut.Find(".padhub-viewer-content").TextContent.Trim()));
    }

    [Fact]
    public void Render_Always_HasNoWritePathAndLoadsNoPadHubScript()
    {
        var cut = RenderViewer("text");

        Assert.Empty(cut.FindAll("textarea, input, [contenteditable], .padhub-cm, form"));
        Assert.DoesNotContain(_context.JSInterop.Invocations, i => i.Arguments.Any(a => a is string s && s.Contains("PadHub.Components", StringComparison.Ordinal)));
        Assert.Empty(_sessions.Connection!.Submitted);
        Assert.Empty(_sessions.Connection.Carets);
    }

    [Fact]
    public void Render_UnknownToken_ShowsLinkNotValid()
    {
        var cut = _context.Render<PadViewer>(p => p.Add(x => x.Token, "forged"));

        cut.WaitForAssertion(() => Assert.Contains("This link is not valid", cut.Find(".padhub-link-invalid").TextContent, StringComparison.Ordinal));
    }
}
