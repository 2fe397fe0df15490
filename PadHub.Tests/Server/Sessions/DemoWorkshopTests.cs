using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Markdown;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Persistence;
using PadHub.Server.Sessions;

namespace PadHub.Tests.Server.Sessions;

// The reference workshop seeded into an empty database, across two starts on the same data directory.
public sealed class DemoWorkshopTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("padhub-demo-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Startup_EmptyDatabase_SeedsTheReferenceWorkshopOnceWithItsExactTopics()
    {
        SessionLinks? firstLinks;
        await using (var first = Server())
        {
            first.Start();
            firstLinks = first.Services.GetRequiredService<IDemoWorkshop>().Links;
            Assert.NotNull(firstLinks);
            Assert.Equal("IGF 2018 WS #42 - From commons to open data: the case of social innovations", firstLinks.Title);
            await using var watch = await first.Workshops().WatchAsync(firstLinks.AudienceToken, _ => ValueTask.CompletedTask);
            Assert.Equal(
                [
                    "How to create favorable conditions for collecting and enriching open data from diverse origins?",
                    "What benefits of Common Goods projects at local and European levels?",
                    "How to promote open data in day-to-day practices to contribute to a Common Goods project?",
                ],
                watch.Current.Groups.Select(g => g.Topic));
            Assert.Equal([1, 2, 3], watch.Current.Groups.Select(g => g.Number));
            Assert.All(watch.Current.Groups, g => Assert.NotEmpty(g.Animators));
        }

        Assert.True(File.Exists(Path.Combine(_dataDirectory, DemoWorkshopSeeder.FileName)));

        await using var second = Server();
        second.Start();
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Sessions.CountAsync());
        Assert.Equal(3, await db.SessionGroups.CountAsync());
        var secondLinks = second.Services.GetRequiredService<IDemoWorkshop>().Links;
        Assert.NotNull(secondLinks);
        Assert.Equal(firstLinks with { Groups = [] }, secondLinks with { Groups = [] });
        Assert.Equal(firstLinks.Groups, secondLinks.Groups);
    }

    [Fact]
    public async Task Startup_EmptyDatabase_EachSeededPadShowsOneOrTwoMarkedConclusionsByTheDemoNoteTaker()
    {
        await using var server = Server();
        server.Start();
        var links = server.Services.GetRequiredService<IDemoWorkshop>().Links;
        Assert.NotNull(links);
        var authorities = server.Services.GetRequiredService<IPadAuthorityProvider>();
        var store = server.Services.GetRequiredService<IPadStore>();

        foreach (var group in links.Groups)
        {
            var pad = await authorities.GetAuthority(group.PadId).GetStateAsync();
            var conclusions = PadConclusions.Extract(pad.Text);
            Assert.InRange(conclusions.Count, 1, 2);
            // The template's hint under Conclusions is not one of them, and the notes landed in their sections.
            Assert.Contains(SessionDefaults.ConclusionsHint, pad.Text, StringComparison.Ordinal);
            Assert.True(pad.Text.IndexOf("## Key points", StringComparison.Ordinal) < pad.Text.IndexOf("\n- ", StringComparison.Ordinal));
            Assert.All(conclusions, c => Assert.True(c.Start > pad.Text.IndexOf("## Conclusions", StringComparison.Ordinal)));
            // The template is the system's; every conclusion was written by the demo's note-taker, an ordinary author.
            var authors = await store.GetAuthorsAsync([.. pad.Authorship.Select(r => r.AuthorId).Distinct()]);
            Assert.Contains(DemoWorkshopDefinition.NoteTaker, authors.Select(a => a.DisplayName));
        }
    }

    [Fact]
    public async Task Startup_SessionsButNoDemoFile_SeedsNothingAndShowsNoDemo()
    {
        await using (var first = Server())
        {
            first.Start();
        }

        File.Delete(Path.Combine(_dataDirectory, DemoWorkshopSeeder.FileName));

        await using var second = Server();
        second.Start();
        Assert.Null(second.Services.GetRequiredService<IDemoWorkshop>().Links);
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Sessions.CountAsync());
    }

    [Fact]
    public async Task Startup_SeedDemoOff_SeedsNothing()
    {
        await using var server = new PadHubServerFactory();
        server.Start();

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Sessions.CountAsync());
        Assert.Null(server.Services.GetRequiredService<IDemoWorkshop>().Links);
    }

    [Fact]
    public async Task Startup_Production_DoesNotRegisterTheDemoForTheHomePage()
    {
        await using var server = new PadHubServerFactory(ProductionSettings()) { EnvironmentName = "Production" };
        server.Start();

        Assert.Null(server.Services.GetService<IDemoWorkshop>());
    }

    [Theory]
    [InlineData("Development", 1)]
    [InlineData("Production", 0)]
    public async Task Startup_SeedDemoUnset_SeedsInDevelopmentOnly(string environment, int sessions)
    {
        var settings = ProductionSettings();
        settings["PadHub:SeedDemo"] = null;
        await using var server = new PadHubServerFactory(settings) { EnvironmentName = environment };
        server.Start();

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        Assert.Equal(sessions, await db.Sessions.CountAsync());
    }

    [Fact]
    public async Task Startup_ProductionWithDemo_NoLinkInAnyLogAndTheFileIsOwnerOnly()
    {
        var logs = new CapturingLoggerProvider();
        await using (var server = new PadHubServerFactory(ProductionSettings(), services => services.AddSingleton<ILoggerProvider>(logs))
        {
            EnvironmentName = "Production",
        })
        {
            server.Start();
        }

        var path = Path.Combine(_dataDirectory, DemoWorkshopSeeder.FileName);
        var token = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.GetProperty("moderatorToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(token, StringComparison.Ordinal) || m.Contains("/m/", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains(path, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Startup_ExistingWorldReadableDemoFile_IsNarrowedToOwnerOnlyWhenRewritten()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_dataDirectory, DemoWorkshopSeeder.FileName);
        await File.WriteAllTextAsync(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using (var server = Server())
        {
            server.Start();
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    private PadHubServerFactory Server() => new(Settings());

    private Dictionary<string, string?> ProductionSettings()
    {
        var settings = Settings();
        settings["PadHub:PublicBaseUrl"] = "https://pads.example.org";
        return settings;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["PadHub:DataDirectory"] = _dataDirectory,
        ["Database:SqliteFile"] = Path.Combine(_dataDirectory, "padhub.db"),
        ["PadHub:SeedDemo"] = "true",
    };
}
