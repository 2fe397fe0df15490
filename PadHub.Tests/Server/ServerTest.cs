namespace PadHub.Tests.Server;

/// <summary>
/// A test class whose every test gets a server of its own (xunit makes one instance per test): started before the test,
/// stopped, and its data directory deleted, after it.
/// </summary>
/// <param name="server">The scenario's server, configured but not yet started.</param>
public abstract class ServerTest(PadHubServerFactory server) : IAsyncLifetime
{
    /// <summary>This test's own server.</summary>
    protected PadHubServerFactory Server { get; } = server;

    public virtual Task InitializeAsync()
    {
        Server.Start();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();
}
