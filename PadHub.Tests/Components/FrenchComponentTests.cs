using Bunit;
using MudBlazor;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.History;
using PadHub.Components.Markdown;
using PadHub.Components.Sessions;
using PadHub.Core.Diffs;

namespace PadHub.Tests.Components;

/// <summary>Texts that were left in English, rendered in French: each says it in French.</summary>
public sealed class FrenchComponentTests : IAsyncLifetime
{
    private readonly BunitContext _context = MudBunit.CreateContext();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void AuthoredDiffView_French_TitlesSayWhoAddedAndDeletedInFrench()
    {
        using var _ = CultureScope.French();

        var cut = _context.Render<AuthoredDiffView>(p => p
            .Add(v => v.Diff, new PadDiff(1, 2, [new DiffPart(DiffKind.Insert, "neuf", "a1"), new DiffPart(DiffKind.Delete, "vieux", "a2")]))
            .Add(v => v.AuthorName, id => id == "a1" ? "Ada" : "Zoé")
            .Add(v => v.AuthorColor, _ => "#1e88e5"));

        Assert.Equal("Ajouté : écrit par Ada", cut.Find("ins").GetAttribute("title"));
        Assert.Equal("Supprimé : écrit par Zoé", cut.Find("del").GetAttribute("title"));
    }

    [Fact]
    public void MudBlazorsOwnTexts_French_AlertsCloseButtonSaysFermer()
    {
        using var _ = CultureScope.French();

        var cut = _context.Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).Add(a => a.CloseIconClicked, (MudAlert alert) => { }));

        Assert.Equal("Fermer", cut.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void MudBlazorsOwnTexts_English_StayMudBlazorsEnglish()
    {
        using var _ = new CultureScope("en");

        var cut = _context.Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).Add(a => a.CloseIconClicked, (MudAlert alert) => { }));

        Assert.Equal("Close", cut.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void LivePadMarkdown_FrenchEmptyPadWithoutEmptyText_SaysNothingWrittenInFrench()
    {
        using var _ = CultureScope.French();

        var cut = _context.Render<LivePadMarkdown>(p => p.Add(m => m.Text, ""));

        Assert.Equal("Rien d’écrit pour l’instant.", cut.Find(".padhub-live-empty").TextContent);
    }

    [Theory]
    [InlineData("bad tag!", null, "feed.hashtag", "Le mot-dièse compte de 1 à 100 lettres, chiffres ou tirets bas.")]
    [InlineData("commons", "http://mastodon.social", "feed.instance", "Indiquez le nom d’hôte public de l’instance, par ex. mastodon.social (https uniquement, sans adresse, port ni chemin).")]
    public void SessionFormModel_FrenchBadFeed_SaysWhatIsWrongInFrench(string hashtag, string? instance, string field, string expected)
    {
        using var _ = CultureScope.French();
        var text = TestLocalizer.For<SessionFormModel>();
        var model = new SessionFormModel("fr", text) { Title = "Atelier", FeedHashtag = hashtag, FeedInstance = instance ?? "mastodon.social" };
        foreach (var group in model.Groups)
        {
            group.Topic = "Sujet";
        }

        var errors = model.Validate(text);

        Assert.Equal([expected], errors[field]);
    }

    [Fact]
    public void HistoryAuthors_UnknownAuthor_GetsThePagesName()
    {
        var authors = new HistoryAuthors([new PadAuthor("a1", "Ada", "#1e88e5")], "Auteur précédent");

        Assert.Equal(("Ada", "Auteur précédent"), (authors.Name("a1"), authors.Name("gone")));
    }

    [Fact]
    public void LicenceTitles_French_TheLicensorsFrenchNames()
    {
        using var _ = CultureScope.French();
        var text = TestLocalizer.For<LicenceTitles>();

        Assert.Equal("Creative Commons Attribution - Partage dans les mêmes conditions 4.0", LicenceTitles.Of(SessionLicences.Find("CC-BY-SA-4.0")!, text));
        Assert.All(SessionLicences.All, l => Assert.DoesNotContain("License", LicenceTitles.Of(l, text), StringComparison.Ordinal));
    }
}
