using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

/// <summary>
/// A real SQLite file in its own temporary directory, opened through the server's own registration
/// (<see cref="PersistenceServiceCollectionExtensions.AddPadHubPersistence"/>) and migrated by its start-up step. Every
/// <see cref="OpenAsync"/> builds a fresh service provider on the same file, as a restarted server would.
/// </summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public SqliteTestDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("padhub-store-tests-").FullName;
    }

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, "padhub.db");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero));

    /// <summary>A new service provider on the file, migrated; as after a (re)start.</summary>
    public async Task<ServiceProvider> OpenAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PadHub:DataDirectory"] = Directory })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = Directory,
        });
        services.AddSingleton<TimeProvider>(Time);
        services.AddOptions<PadHubOptions>().Bind(configuration.GetSection(PadHubOptions.SectionName));
        services.AddPadHubPersistence(configuration);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        foreach (var startup in provider.GetServices<IHostedService>().OfType<IHostedLifecycleService>())
        {
            await startup.StartingAsync(CancellationToken.None);
        }

        return provider;
    }

    public async Task<IPadStore> OpenStoreAsync() => (await OpenAsync()).GetRequiredService<IPadStore>();

    /// <summary>A context on the file from the latest provider, for checks below the store's API.</summary>
    public async Task<PadHubDbContext> CreateContextAsync()
    {
        var provider = _providers.Count > 0 ? _providers[^1] : await OpenAsync();
        return await provider.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
    }

    /// <summary>Consecutive revisions from <paramref name="firstRevision"/>, committed a second apart from <see cref="Time"/>.</summary>
    public IReadOnlyList<StoredRevision> Revisions(int firstRevision, params (string ClientId, long Seq, string Json)[] operations) =>
        [.. operations.Select((op, i) => new StoredRevision(
            new CommittedOperation(firstRevision + i, TextOperation.Parse(op.Json), "author-" + op.ClientId, op.ClientId, op.Seq),
            Time.GetUtcNow().AddSeconds(i)))];

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
