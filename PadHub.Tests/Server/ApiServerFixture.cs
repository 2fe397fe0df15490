namespace PadHub.Tests.Server;

/// <summary>
/// A class fixture for HTTP API tests: one real server with the given configuration and one <see cref="HttpClient"/> on
/// it, shared by the tests of one class. Each test class derives its own, so every scenario keeps its own server.
/// </summary>
public abstract class ApiServerFixture : IAsyncLifetime
{
    /// <param name="settings">Configuration overrides for the server (see <see cref="PadHubServerFactory"/>).</param>
    protected ApiServerFixture(IReadOnlyDictionary<string, string?> settings) => Server = new(settings);

    public PadHubServerFactory Server { get; }

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Server.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
