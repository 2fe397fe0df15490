using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

// Each provider's migration set must match the model exactly; SQL Server's is checked by generating its scripts, which
// needs no server.
public sealed class MigrationTests
{
    private static readonly string[] Tables = ["Pads", "Revisions", "Snapshots", "Authors", "AccessTokens", "Sessions", "SessionGroups", "SessionTokens", "Announcements"];

    [Fact]
    public void HasPendingModelChanges_SqliteMigrations_ReturnsFalse()
    {
        var directory = Directory.CreateTempSubdirectory("padhub-migrations-").FullName;
        try
        {
            using var db = new SqlitePadHubDbContext(new DbContextOptionsBuilder<SqlitePadHubDbContext>()
                .UseSqlite($"Data Source={Path.Combine(directory, "model.db")}")
                .Options);

            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.False(db.Database.HasPendingModelChanges());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void HasPendingModelChanges_SqlServerMigrations_ReturnsFalse()
    {
        using var db = CreateSqlServerContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void GetMigrations_EachContext_ListsOnlyItsOwnSet()
    {
        using var sqlServer = CreateSqlServerContext();
        using var sqlite = new SqlitePadHubDbContext(new DbContextOptionsBuilder<SqlitePadHubDbContext>().UseSqlite("Data Source=:memory:").Options);

        var sqlServerMigrations = sqlServer.GetService<IMigrationsAssembly>().Migrations.Values;
        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations.Values;

        Assert.All(sqlServerMigrations, t => Assert.EndsWith(".Migrations.SqlServer", t.Namespace, StringComparison.Ordinal));
        Assert.All(sqliteMigrations, t => Assert.EndsWith(".Migrations.Sqlite", t.Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public void GenerateScript_SqlServerMigrations_CreatesEveryTable()
    {
        using var db = CreateSqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.False(string.IsNullOrWhiteSpace(script));
        Assert.All(Tables, table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
        Assert.Contains("CREATE UNIQUE INDEX [IX_Revisions_PadId_ClientId_Seq]", script, StringComparison.Ordinal);
        Assert.Contains("[TokenHash] binary(32) NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateCreateScript_SqlServerContext_CreatesEveryTable()
    {
        using var db = CreateSqlServerContext();

        var script = db.Database.GenerateCreateScript();

        Assert.All(Tables, table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
        Assert.Contains("CONSTRAINT [PK_Revisions] PRIMARY KEY ([PadId], [Revision])", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [PK_Snapshots] PRIMARY KEY ([PadId], [Revision])", script, StringComparison.Ordinal);
    }

    private static SqlServerPadHubDbContext CreateSqlServerContext() =>
        new SqlServerPadHubDbContextDesignTimeFactory().CreateDbContext([]);
}
