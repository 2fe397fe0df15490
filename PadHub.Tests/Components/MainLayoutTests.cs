using Bunit;
using PadHub.Components.Layout;

namespace PadHub.Tests.Components;

public sealed class MainLayoutTests : IAsyncLifetime
{
    private readonly BunitContext _context = MudBunit.CreateContext();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Render_WithChildContent_ShowsContentBelowAppBar()
    {
        var cut = _context.Render<MainLayout>(parameters => parameters
            .Add(p => p.ChildContent, "<p id=\"page-content\">Group A's pad</p>"));

        Assert.Equal("PadHub", cut.Find(".mud-appbar h6").TextContent.Trim());
        Assert.Single(cut.FindAll(".mud-appbar [data-language-switcher]"));
        Assert.Equal("Group A's pad", cut.Find(".mud-main-content #page-content").TextContent);
    }

    [Fact]
    public void Render_Always_IncludesPopoverProvider()
    {
        var cut = _context.Render<MainLayout>(parameters => parameters.Add(p => p.ChildContent, "<p>content</p>"));

        Assert.Single(cut.FindAll(".mud-popover-provider"));
    }
}
