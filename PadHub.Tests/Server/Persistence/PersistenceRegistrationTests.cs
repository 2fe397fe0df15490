using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

// AddPadHubPersistence: which context the base factory hands out, the SQLite file's settings, and start-up validation.
public sealed class PersistenceRegistrationTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly List<ServiceProvider> _unstarted = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _unstarted)
        {
            await provider.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task CreateDbContextAsync_DefaultProvider_ReturnsSqliteContextOnDataDirectoryFile()
    {
        var services = await _database.OpenAsync();

        await using var db = await services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();

        Assert.IsType<SqlitePadHubDbContext>(db);
        Assert.True(File.Exists(_database.FilePath));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task OpenConnection_DefaultSettings_UsesWalAndSynchronousFull()
    {
        var services = await _database.OpenAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();

        await db.Database.OpenConnectionAsync();
        var journalMode = await ScalarAsync(db, "PRAGMA journal_mode;");
        var synchronous = await ScalarAsync(db, "PRAGMA synchronous;");

        Assert.Equal("wal", journalMode);
        Assert.Equal("2", synchronous);
    }

    [Fact]
    public async Task OpenConnection_SynchronousNormal_UsesNormal()
    {
        var services = await _database.OpenAsync(new Dictionary<string, string?> { ["Database:SqliteSynchronous"] = "Normal" });
        await using var db = await services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();

        await db.Database.OpenConnectionAsync();
        var synchronous = await ScalarAsync(db, "PRAGMA synchronous;");

        Assert.Equal("1", synchronous);
    }

    [Fact]
    public void CreateDbContext_SqlServerProvider_ReturnsSqlServerContext()
    {
        var services = BuildUnstarted(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:PadHub"] = SqlServerPadHubDbContextDesignTimeFactory.PlaceholderConnectionString,
        });

        using var db = services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContext();

        Assert.IsType<SqlServerPadHubDbContext>(db);
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
    }

    [Fact]
    public void DatabaseOptions_SqlServerWithoutConnectionString_FailsWithClearMessage()
    {
        var services = BuildUnstarted(new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("ConnectionStrings:PadHub is not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ServerWithSqlServerAndNoConnectionString_Throws()
    {
        await using var server = new PadHubServerFactory(new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer" });

        var ex = Assert.Throws<OptionsValidationException>(() => server.Start());

        Assert.Contains("ConnectionStrings:PadHub is not set", ex.Message, StringComparison.Ordinal);
    }

    private ServiceProvider BuildUnstarted(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPadHubPersistence(configuration);
        var provider = services.BuildServiceProvider();
        _unstarted.Add(provider);
        return provider;
    }

    private static async Task<string?> ScalarAsync(PadHubDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
