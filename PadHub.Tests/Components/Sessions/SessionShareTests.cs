using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

public sealed class SessionShareTests : SessionComponentTest
{
    private readonly SettableLinkBase _linkBase = new();

    public SessionShareTests()
    {
        Context.Services.AddSingleton<IPublicLinkBase>(_linkBase);
    }

    private IRenderedComponent<SessionShare> RenderShare(string token = FakeWorkshopService.ModeratorToken)
    {
        var cut = Render<SessionShare>(p => p.Add(x => x.Token, token));
        if (token == FakeWorkshopService.ModeratorToken)
        {
            cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-share-link]").Count));
        }

        return cut;
    }

    // The share page beside a dialog provider, as on the page: the regenerate buttons ask before replacing a link.
    private IRenderedComponent<ContainerFragment> RenderWithDialogs()
    {
        var cut = Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SessionShare>(1);
            builder.AddAttribute(2, nameof(SessionShare.Token), FakeWorkshopService.ModeratorToken);
            builder.CloseComponent();
        });
        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-share-link]").Count));
        return cut;
    }

    [Fact]
    public void Render_Moderator_EveryLinkAbsoluteWithAnSvgQrCode()
    {
        var cut = RenderShare();

        var baseUri = Context.Services.GetRequiredService<NavigationManager>().BaseUri.TrimEnd('/');
        Assert.Equal(
            [baseUri + "/m/mod-token", baseUri + "/a/aud-token", baseUri + "/r/res-token", baseUri + "/p/note-token-1", baseUri + "/p/note-token-2", baseUri + "/p/note-token-3"],
            cut.FindAll("[data-share-link] [data-url]").Select(a => a.GetAttribute("href")));
        Assert.All(cut.FindAll("[data-share-link]"), card =>
        {
            var svg = card.QuerySelector(".padhub-share-qr svg");
            Assert.NotNull(svg);
            Assert.NotEmpty(svg!.QuerySelectorAll("rect, path"));
            Assert.Empty(card.QuerySelectorAll(".padhub-share-qr script, .padhub-share-qr foreignObject"));
        });
    }

    [Fact]
    public void Render_HostHasAPublicBaseUrl_LinksAndQrCodesUseItNotThePageAddress()
    {
        _linkBase.BaseUrl = "https://pads.example.org";

        var cut = RenderShare();

        Assert.All(cut.FindAll("[data-share-link] [data-url]"),
            a => Assert.StartsWith("https://pads.example.org/", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AudienceToken_SaysTheLinkCannotOpenTheSharePage()
    {
        var cut = RenderShare(FakeWorkshopService.AudienceToken);

        cut.WaitForAssertion(() => Assert.Contains("This link cannot open the share page", cut.Find(".padhub-not-moderator").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-share-link]"));
    }

    [Fact]
    public void Render_UnknownToken_LinkNotValid()
    {
        var cut = RenderShare("revoked");

        cut.WaitForAssertion(() => cut.Find(".padhub-link-invalid"));
    }

    [Fact]
    public void Copy_Clicked_CopiesTheAbsoluteUrl()
    {
        var module = Context.JSInterop.SetupModule(SessionShare.ModulePath);
        module.Mode = Bunit.JSRuntimeMode.Strict;
        module.Setup<bool>("copy", _ => true).SetResult(true);
        var cut = RenderShare();

        cut.Find("[data-share-link=audience] button[data-copy]").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/a/aud-token", (string)module.VerifyInvoke("copy").Arguments[0]!, StringComparison.Ordinal));
    }

    [Fact]
    public void Regenerate_Confirmed_ReplacesTheLinkAndShowsTheNewOne()
    {
        var cut = RenderWithDialogs();

        cut.Find("[data-share-link='group-g2'] button[data-regenerate]").Click();
        cut.WaitForAssertion(() => cut.FindAll(".mud-dialog button").First(b => b.TextContent.Contains("Replace link", StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.Equal(["regenerate NoteTaker g2"], Workshops.Calls));
    }

    [Fact]
    public void Render_Moderator_ListsTheResultsLinkWithItsQrCodeAndItCanBeReplaced()
    {
        var cut = RenderWithDialogs();

        var card = cut.Find("[data-share-link=results]");
        Assert.EndsWith("/r/res-token", card.QuerySelector("[data-url]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector(".padhub-share-qr svg"));
        Assert.Contains("never allows writing", card.TextContent, StringComparison.Ordinal);

        cut.Find("[data-share-link=results] button[data-regenerate]").Click();
        cut.WaitForAssertion(() => cut.FindAll(".mud-dialog button").First(b => b.TextContent.Contains("Replace link", StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.Equal(["regenerate Results "], Workshops.Calls));
    }

    [Fact]
    public void Regenerate_Cancelled_NothingReplaced()
    {
        var cut = RenderWithDialogs();

        cut.Find("[data-share-link=audience] button[data-regenerate]").Click();
        cut.WaitForAssertion(() => cut.FindAll(".mud-dialog button").First(b => b.TextContent.Contains("Cancel", StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.Empty(Workshops.Calls);
    }

    // Null (the page's own address) unless a test sets it.
    private sealed class SettableLinkBase : IPublicLinkBase
    {
        public string? BaseUrl { get; set; }
    }
}
