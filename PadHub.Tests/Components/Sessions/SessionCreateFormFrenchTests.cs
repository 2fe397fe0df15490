using Bunit;
using PadHub.Components.Sessions;

namespace PadHub.Tests.Components.Sessions;

public sealed class SessionCreateFormFrenchTests : SessionComponentTest
{
    [Fact]
    public void Render_French_FrenchLabelsDefaultsAndSessionLanguage()
    {
        using var _ = CultureScope.French();

        var cut = Render<SessionCreateForm>();

        Assert.Equal("Créer une session d’atelier", cut.Find("h2").TextContent);
        Assert.Equal("Groupe 1", cut.Find("#group-0-name").GetAttribute("value"));
        Assert.Equal("Travail en groupes", cut.Find("#phase-1-name").GetAttribute("value"));
        Assert.Equal("fr", cut.Find("[data-session-language]").GetAttribute("value"));
        Assert.Contains("Créer la session", cut.Find("#create-session").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_FrenchEmptyTitle_FrenchMessageAndFrenchSessionRequested()
    {
        using var _ = CultureScope.French();
        var cut = Render<SessionCreateForm>().FillRequired();
        cut.Find("#session-title").Change(" ");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Le titre est obligatoire.", cut.Find("[data-field='title']").TextContent, StringComparison.Ordinal));
        cut.Find("#session-title").Change("Atelier");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("fr", Workshops.LastCreateRequest?.Language));
    }
}
