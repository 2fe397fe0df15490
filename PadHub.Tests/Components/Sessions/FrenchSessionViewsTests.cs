using Bunit;
using PadHub.Components.Pads;
using PadHub.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

/// <summary>The session views rendered for a French request: every text from the French resource files.</summary>
public sealed class FrenchSessionViewsTests : SessionComponentTest, IDisposable
{
    private readonly CultureScope _french = CultureScope.French();

    public FrenchSessionViewsTests() => WatchEveryGroup(group => $"# {group.Name}\n\nNotes.\n");

    public void Dispose() => _french.Dispose();

    [Fact]
    public void Dashboard_French_FacilitationAndPanesInFrench()
    {
        var cut = Render<SessionDashboard>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane] [data-pad-text]").Count));

        Assert.Contains("Verrouiller tous les pads", cut.Find("[data-action=lock]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Phase suivante", cut.Find("[data-action=next]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Phase 2 sur 4", cut.Find("[data-facilitation]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Temps restant : 12:05", cut.Find("[data-facilitation] [data-countdown]").GetAttribute("aria-label"));
        Assert.Equal("Groupe 1 : Group 1", cut.Find("[data-group-pane]").GetAttribute("aria-label"));
        Assert.Contains("Conclusions", cut.Find("[data-conclusions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Aucune conclusion marquée pour l’instant", cut.Find("[data-conclusions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Audience_French_PickerFollowAndBannerInFrench()
    {
        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane] [data-pad-text]").Count));

        Assert.Contains("Tous les groupes", cut.Find("[data-group-filter=all]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Suivre la dernière modification", cut.Find("[data-follow]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Groupes", cut.Find("nav").GetAttribute("aria-label"));
        Assert.Equal("Session", cut.Find(".padhub-session-banner").GetAttribute("aria-label"));
    }

    [Fact]
    public void Share_French_EveryCardInFrench()
    {
        var cut = Render<SessionShare>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-share-link]")));

        Assert.Equal("Modérateur", cut.Find("[data-share-link=moderator] h2").TextContent);
        Assert.Equal("Public", cut.Find("[data-share-link=audience] h2").TextContent);
        Assert.Contains("Copier", cut.Find("[data-share-link=audience] [data-copy]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Groupe 1 : ", cut.Find("[data-share-link^=group-] h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidLink_French_ExplainsInFrench()
    {
        var cut = Render<PadLinkInvalid>();

        Assert.Equal("Ce lien n’est pas valide", cut.Find("h1").TextContent);
        Assert.Contains("Retour à la page d’accueil", cut.Markup, StringComparison.Ordinal);
    }
}
