using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Pads;
using PadHub.Tests.Components.Markdown;
using PadHub.Tests.Components.Sessions;

namespace PadHub.Tests.Components;

// The /v/ page's component on the live views' path: a watch of the pad's shared mirror (which paces), Markdown
// block by block, no write path.
public sealed class PadViewerTests : IAsyncLifetime
{
    private const string ViewToken = "view-token-0123456789abcdef0123456789abcdef";
    private const string PadId = "pad-1";

    private readonly BunitContext _context = MudBunit.CreateContext();
    private readonly FakePadWatchService _watches = new();

    public PadViewerTests()
    {
        _context.Services.AddSingleton<IPadWatchService>(_watches);
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _watches.PadLinks[ViewToken] = PadId;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<PadViewer> RenderViewer(string text)
    {
        _watches.Set(PadId, text);
        var cut = _context.Render<PadViewer>(p => p.Add(x => x.Token, ViewToken));
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
        Assert.Equal(PadId, cut.Find(".padhub-viewer").GetAttribute("data-pad-id"));
    }

    [Fact]
    public void Render_MarkedConclusions_RenderedAsMarkAndHostileContentInert()
    {
        var cut = RenderViewer(HostileMarks.Pad);

        HostileMarks.AssertRenderedSafely(cut.Find(".padhub-viewer-content"));
    }

    [Fact]
    public void Render_HostileContent_StripsScriptsRawHtmlAndJavascriptLinks()
    {
        var cut = RenderViewer(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<b onclick=\"alert(3)\">raw</b>\n\n" +
            "[click](javascript:alert(4)) and ![pic](javascript:alert(5)) and <a href=\"javascript:alert(6)\">a</a>\n\n" +
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)\n\n# Hi {#components-reconnect-modal .mud-overlay}");

        var content = cut.Find(".padhub-viewer-content");
        Assert.Empty(content.QuerySelectorAll("script, img, b, [onclick], iframe, #components-reconnect-modal, .mud-overlay"));
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
    public async Task OnChanged_RemoteEdit_UpdatesRendering()
    {
        var cut = RenderViewer("# Draft");

        await _watches.ChangeAsync(PadId, "# Draft\n\nNew *point*");

        cut.WaitForAssertion(() => Assert.Equal("point", cut.Find(".padhub-viewer-content em").TextContent));
        Assert.Equal("1", cut.Find(".padhub-viewer").GetAttribute("data-revision"));
    }

    [Fact]
    public async Task OnChanged_ManyRapidEdits_OneRenderPerNotificationAndOnlyTheEditedBlock()
    {
        const string head = "# Notes\n\nFirst paragraph stays as it is.\n\n";
        var cut = RenderViewer(head + "Typing");
        var stableBlock = cut.Find("[data-block-key]").OuterHtml;
        var rendersBefore = cut.RenderCount;

        // The pad's mirror is the one place that paces (PadMirrorTests): the view renders what it is told, no more.
        for (var i = 1; i <= 50; i++)
        {
            await _watches.ChangeAsync(PadId, head + "Typing" + new string('!', i));
        }

        cut.WaitForAssertion(() => Assert.EndsWith(new string('!', 50), cut.FindAll("[data-block-key]")[^1].TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal(50, cut.RenderCount - rendersBefore);
        var blocks = cut.FindAll("[data-block-key]");
        Assert.Equal(3, blocks.Count);
        Assert.Equal(stableBlock, blocks[0].OuterHtml);
        Assert.Equal("50", cut.Find(".padhub-viewer").GetAttribute("data-revision"));
    }

    [Fact]
    public void Render_Always_HasNoWritePathAndLoadsNoScript()
    {
        var cut = RenderViewer("text");

        Assert.Empty(cut.FindAll("textarea, input, [contenteditable], .padhub-cm, form"));
        Assert.Empty(_context.JSInterop.Invocations);
    }

    [Fact]
    public async Task Dispose_Viewer_StopsItsWatch()
    {
        var cut = RenderViewer("text");
        Assert.Equal(1, _watches.ActiveWatches);

        await cut.InvokeAsync(() => cut.Instance.DisposeAsync().AsTask());

        Assert.Equal(0, _watches.ActiveWatches);
    }

    [Fact]
    public void Render_UnknownToken_ShowsLinkNotValid()
    {
        var cut = _context.Render<PadViewer>(p => p.Add(x => x.Token, "forged"));

        cut.WaitForAssertion(() => Assert.Contains("This link is not valid", cut.Find(".padhub-link-invalid").TextContent, StringComparison.Ordinal));
    }
}
