using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

// The server migrates its database before it takes requests.
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Start_FreshDataDirectory_CreatesMigratedWalDatabaseThere()
    {
        await using var server = new PadHubServerFactory();

        server.Start();

        Assert.True(File.Exists(server.DatabasePath));
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(server.DatabasePath, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        Assert.Equal("wal", (await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").ToListAsync()).Single());
    }
}
