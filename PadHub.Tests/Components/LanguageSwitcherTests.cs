using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Layout;

namespace PadHub.Tests.Components;

public sealed class LanguageSwitcherTests : IAsyncLifetime
{
    private readonly BunitContext _context = MudBunit.CreateContext();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Render_English_NamesEveryLanguageInItselfAndLinksTheOthers()
    {
        using var _ = new CultureScope("en");

        var cut = _context.Render<LanguageSwitcher>();

        Assert.Equal("Language", cut.Find("nav[data-language-switcher]").GetAttribute("aria-label"));
        var current = cut.Find("[data-language-current]");
        Assert.Equal(("English", "en", "true"), (current.TextContent, current.GetAttribute("lang"), current.GetAttribute("aria-current")));
        var french = cut.Find("a[data-language-link]");
        Assert.Equal(("Français", "fr", "fr"), (french.TextContent, french.GetAttribute("lang"), french.GetAttribute("hreflang")));
        Assert.Single(cut.FindAll("a[data-language-link]"));
    }

    [Fact]
    public void Render_French_MarksFrenchAndSpeaksFrench()
    {
        using var _ = CultureScope.French();

        var cut = _context.Render<LanguageSwitcher>();

        Assert.Equal("fr", cut.Find("[data-language-current]").GetAttribute("data-language-current"));
        Assert.Equal("en", cut.Find("a[data-language-link]").GetAttribute("data-language-link"));
        Assert.Equal("Langue", cut.Find("nav[data-language-switcher]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_OnAPage_LinksToTheCultureEndpointBackToThePageWithAFullLoad()
    {
        using var _ = new CultureScope("en");
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/m/token/share?group=2");

        var cut = _context.Render<LanguageSwitcher>();

        var link = cut.Find("a[data-language-link=fr]");
        Assert.Equal(AppCultures.SwitchUrl("fr", "/m/token/share?group=2"), link.GetAttribute("href"));
        Assert.StartsWith("/culture?c=fr&redirect=%2Fm%2Ftoken%2Fshare%3Fgroup%3D2", link.GetAttribute("href"), StringComparison.Ordinal);
        // Enhanced navigation would fetch the switch and patch the page, keeping the old circuit and its culture.
        Assert.Equal("false", link.GetAttribute("data-enhance-nav"));
    }

    [Fact]
    public void Render_OnTheNotFoundPage_ComesBackToTheAddressAskedFor()
    {
        using var _ = new CultureScope("en");
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/not-found");
        var http = new DefaultHttpContext();
        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPathBase = "",
            OriginalPath = "/no/such/page",
            OriginalQueryString = "?x=1",
        });

        var cut = _context.Render<LanguageSwitcher>(p => p.AddCascadingValue(http));

        Assert.Equal(AppCultures.SwitchUrl("fr", "/no/such/page?x=1"), cut.Find("a[data-language-link=fr]").GetAttribute("href"));
    }
}
