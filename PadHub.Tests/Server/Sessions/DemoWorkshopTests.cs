using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Sessions;
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
        await using var server = new PadHubServerFactory(Settings()) { EnvironmentName = "Production" };
        server.Start();

        Assert.Null(server.Services.GetService<IDemoWorkshop>());
    }

    private PadHubServerFactory Server() => new(Settings());

    private Dictionary<string, string?> Settings() => new()
    {
        ["PadHub:DataDirectory"] = _dataDirectory,
        ["Database:SqliteFile"] = Path.Combine(_dataDirectory, "padhub.db"),
        ["PadHub:SeedDemo"] = "true",
    };
}
