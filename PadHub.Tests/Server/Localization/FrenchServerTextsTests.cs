using System.Text.Json;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Results;
using PadHub.Server.Sessions;
using PadHub.Tests.Components;
using PadHub.Tests.Server.Results;

namespace PadHub.Tests.Server.Localization;

/// <summary>What the server writes for people: session checks in the request's language, the package in the session's.</summary>
public sealed class FrenchServerTextsTests
{
    [Fact]
    public void Validate_FrenchRequest_MessagesInFrenchUnderTheSameFieldPaths()
    {
        using var _ = CultureScope.French();
        var request = new CreateSessionRequest("", null, [new GroupDefinition("Groupe 1", "", [])], [], Licence: "WTFPL");

        var errors = Assert.Throws<SessionValidationException>(() => SessionRequestValidator.Validate(request, 1_000_000)).Errors;

        Assert.Equal(["Ce champ est obligatoire."], errors["title"]);
        Assert.Equal(["Ce champ est obligatoire."], errors["groups[0].topic"]);
        Assert.StartsWith("Licence inconnue « WTFPL »", errors["licence"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnglishRequest_MessagesInEnglish()
    {
        using var _ = new CultureScope("en");

        var errors = Assert.Throws<SessionValidationException>(() => SessionRequestValidator.Validate(new CreateSessionRequest("", null, [], []), 1_000_000)).Errors;

        Assert.Equal(["This field is required."], errors["title"]);
        Assert.Equal(["Add at least one group."], errors["groups"]);
    }

    [Fact]
    public void DataPackage_FrenchSession_HumanTextsInFrenchMachineNamesInEnglish()
    {
        // Whoever downloads it: the request's culture is English here, the session's language French.
        using var _ = new CultureScope("en");
        var snapshot = ResultsSamples.Snapshot() with { Language = "fr" };

        using var json = JsonDocument.Parse(DataPackageDocument.Write(snapshot, ResultsSamples.ResultsUrl));

        var root = json.RootElement;
        Assert.Contains("Les résultats d’une session d’atelier PadHub : 2 groupes de travail", root.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Page des résultats PadHub", root.GetProperty("sources")[0].GetProperty("title").GetString());
        var groups = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "groups");
        Assert.Equal("Groupes", groups.GetProperty("title").GetString());
        var name = groups.GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "name");
        Assert.StartsWith("Le nom du groupe. Une valeur qui commence par =", name.GetProperty("description").GetString(), StringComparison.Ordinal);
        var pad = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "group-1");
        Assert.Equal("Groupe 1 : Data, commons", pad.GetProperty("title").GetString());
    }

    [Fact]
    public void DataPackage_EnglishSession_HumanTextsInEnglish()
    {
        using var _ = CultureScope.French();

        using var json = JsonDocument.Parse(DataPackageDocument.Write(ResultsSamples.Snapshot(), ResultsSamples.ResultsUrl));

        var groups = json.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "groups");
        Assert.Equal(("Groups", "The session's breakout groups, each with its pad."),
            (groups.GetProperty("title").GetString(), groups.GetProperty("description").GetString()));
    }
}
