using System.Net;
using PadHub.Server.Hosting;

namespace PadHub.Tests.Server;

public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly PadHubServerFactory _server = new();

    public Task InitializeAsync()
    {
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetHealthz_WhenServerRunning_Returns200Healthy()
    {
        using var client = _server.CreateHttpClient();

        using var response = await client.GetAsync(new Uri(WebApplicationExtensions.HealthPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
