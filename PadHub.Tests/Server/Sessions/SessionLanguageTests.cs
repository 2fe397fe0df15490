using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Results;
using PadHub.Server.Persistence;
using PadHub.Server.Results;
using PadHub.Tests.Server.Results;

namespace PadHub.Tests.Server.Sessions;

// A session's language: its template pads, its default schedule, stored with it, and its exports' texts.
public sealed class SessionLanguageTests : IAsyncLifetime
{
    private readonly PadHubServerFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task CreateSession_French_FrenchTemplatePadsScheduleAndStoredLanguage()
    {
        var created = await _factory.Workshops().CreateSessionAsync(SessionTestHelpers.Request(groups: 2) with { Language = "fr" });

        var pad = await _factory.Services.GetRequiredService<IPadStore>().LoadAsync(created.Groups[1].PadId);
        Assert.NotNull(pad);
        Assert.StartsWith("# Group 2 : Topic 2?\n\n## Participants\n\n\n## Points clés", pad.Snapshot.Text, StringComparison.Ordinal);
        Assert.Contains("**Marquer comme conclusion**", pad.Snapshot.Text, StringComparison.Ordinal);
        var stored = await _factory.Services.GetRequiredService<ISessionStore>().LoadAsync(created.SessionId, 10);
        Assert.NotNull(stored);
        Assert.Equal("fr", stored.Language);
        Assert.Equal(["Introduction", "Travail en groupes", "Conclusions", "Synthèse"], stored.Phases.Select(p => p.Name));
    }

    [Fact]
    public async Task CreateSession_NoLanguage_English()
    {
        var created = await _factory.Workshops().CreateSessionAsync(SessionTestHelpers.Request(groups: 1));

        var stored = await _factory.Services.GetRequiredService<ISessionStore>().LoadAsync(created.SessionId, 10);
        Assert.Equal("en", stored!.Language);
        Assert.Equal(SessionDefaults.Phases, stored.Phases);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("FR")]
    [InlineData("fr-FR")]
    public async Task CreateSession_UnknownLanguage_RefusedOnTheLanguageFieldAndCreatesNothing(string language)
    {
        var refused = await Assert.ThrowsAsync<SessionValidationException>(
            () => _factory.Workshops().CreateSessionAsync(SessionTestHelpers.Request(groups: 1) with { Language = language }));

        Assert.Contains("en, fr", Assert.Single(refused.Errors["language"]), StringComparison.Ordinal);
        Assert.Equal(0, (await _factory.CountRowsAsync()).Sessions);
    }

    [Fact]
    public void Exports_FrenchSession_HeadingsAndLabelsInFrench()
    {
        var snapshot = ResultsSamples.Snapshot() with { Language = "fr" };

        var files = ResultsDocuments.All(snapshot, ResultsSamples.ResultsUrl).ToDictionary(d => d.File, d => d.Build(), StringComparer.Ordinal);

        var conclusions = files[ResultsFiles.ConclusionsMarkdown];
        Assert.StartsWith("# Conclusions : ", conclusions, StringComparison.Ordinal);
        Assert.Contains("\n## Groupe 1 : ", conclusions, StringComparison.Ordinal);
        Assert.Contains("Enregistré à la fin de la session (2026-12-03 14:30 UTC).", conclusions, StringComparison.Ordinal);
        Assert.Contains("Licence : [", conclusions, StringComparison.Ordinal);
        var html = files[ResultsFiles.Pad(1, "html")];
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Révision ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Exports_EnglishSession_HeadingsUnchanged()
    {
        var files = ResultsDocuments.All(ResultsSamples.Snapshot(), ResultsSamples.ResultsUrl).ToDictionary(d => d.File, d => d.Build(), StringComparer.Ordinal);

        Assert.StartsWith("# Conclusions: ", files[ResultsFiles.ConclusionsMarkdown], StringComparison.Ordinal);
        Assert.Contains("\n## Group 1: ", files[ResultsFiles.ConclusionsMarkdown], StringComparison.Ordinal);
    }
}
