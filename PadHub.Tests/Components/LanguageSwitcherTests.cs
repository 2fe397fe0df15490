using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Layout;

namespace PadHub.Tests.Components;

public sealed class LanguageSwitcherTests : IAsyncLifetime
{
    private readonly BunitContext _context = MudBunit.CreateContext();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Render_English_OffersEveryLanguageInItselfWithLangAttributes()
    {
        using var _ = new CultureScope("en");

        var cut = _context.Render<LanguageSwitcher>();

        var options = cut.FindAll("[data-language-select] option");
        Assert.Equal(["English", "Français"], options.Select(o => o.TextContent));
        Assert.Equal(["en", "fr"], options.Select(o => o.GetAttribute("lang")));
        Assert.True(options[0].HasAttribute("selected"));
        Assert.Equal("Language", cut.Find("label[for=padhub-language-select]").TextContent);
        Assert.Equal("Change", cut.Find("[data-language-apply]").TextContent);
    }

    [Fact]
    public void Render_French_SelectsFrenchAndSpeaksFrench()
    {
        using var _ = CultureScope.French();

        var cut = _context.Render<LanguageSwitcher>();

        Assert.True(cut.Find("option[value=fr]").HasAttribute("selected"));
        Assert.False(cut.Find("option[value=en]").HasAttribute("selected"));
        Assert.Equal("Langue", cut.Find("label[for=padhub-language-select]").TextContent);
        Assert.Equal("Changer", cut.Find("[data-language-apply]").TextContent);
    }

    [Fact]
    public void Render_OnAPage_SubmitsToTheCultureEndpointWithThePageAsRedirect()
    {
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/m/token/share?group=2");

        var cut = _context.Render<LanguageSwitcher>();

        var form = cut.Find("form[data-language-switcher]");
        Assert.Equal(AppCultures.SwitchPath, form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/m/token/share?group=2", cut.Find("input[name=redirect]").GetAttribute("value"));
        Assert.Equal("c", cut.Find("select").GetAttribute("name"));
    }
}
