using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Server.Hosting;
using PadHub.Server.Persistence;
using PadHub.Server.Sessions;

namespace PadHub.Tests.Server;

/// <summary>
/// Hosts the real PadHub server on Kestrel at 127.0.0.1 and a random free port, in the Development environment (unless
/// <see cref="EnvironmentName"/> says otherwise), with its own temporary data directory and SQLite file. One instance
/// per scenario; dispose it to stop the server and delete the directory.
/// </summary>
/// <remarks>
/// Kestrel (rather than the in-memory TestServer) lets browsers and real SignalR clients connect. Configuration
/// overrides are applied last, so they win over appsettings; they are visible to anything that reads configuration
/// when the host is built or later (options, DI factories), not to code that runs before <c>builder.Build()</c>.
/// </remarks>
public sealed class PadHubServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private Uri? _serverAddress;

    /// <param name="settings">Configuration overrides, e.g. <c>["PadHub:ApiKey"] = "test-key"</c>.</param>
    /// <param name="configureServices">Service replacements, applied after the server's own registrations.</param>
    public PadHubServerFactory(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("padhub-tests-").FullName;
        _settings = new Dictionary<string, string?>
        {
            [$"{PadHubOptions.SectionName}:{nameof(PadHubOptions.DataDirectory)}"] = DataDirectory,
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SqliteFile)}"] = DatabasePath,
            // The demo workshop would add pads and rows to every test's database; tests that want it turn it on.
            [$"{WorkshopOptions.SectionName}:{nameof(WorkshopOptions.SeedDemo)}"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        _configureServices = configureServices;

        // With no arguments UseKestrel binds a fixed localhost:5000; port 0 lets parallel tests each get their own.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>This server's own temporary data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>This server's own SQLite file, inside <see cref="DataDirectory"/>.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "padhub.db");

    /// <summary>The host environment; Development unless a test needs another (e.g. Production for the API-key rules).</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>The address Kestrel listens on, e.g. <c>http://127.0.0.1:41234/</c>. Starts the server on first use.</summary>
    public Uri ServerAddress => _serverAddress ??= StartAndReadAddress();

    /// <summary>Starts the server (if not yet started) and returns its address.</summary>
    public Uri Start() => ServerAddress;

    /// <summary>A plain HttpClient that talks to the Kestrel address over a real socket.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = ServerAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections would keep the SQLite file (and its -wal/-shm) open after the server stopped.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private Uri StartAndReadAddress()
    {
        StartServer();
        // factory.Server throws once Kestrel is on: the bound address comes from the server's features.
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report its addresses.");
        var address = addresses.Addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
