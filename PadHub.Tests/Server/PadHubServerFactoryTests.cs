using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PadHub.Server.Hosting;

namespace PadHub.Tests.Server;

// The fixture the server and end-to-end tests stand on: these pin down what it promises.
public sealed class PadHubServerFactoryTests
{
    [Fact]
    public async Task Start_WithDefaults_ServerUsesFactoryDataDirectory()
    {
        await using var server = new PadHubServerFactory();

        server.Start();

        var options = server.Services.GetRequiredService<IOptions<PadHubOptions>>().Value;
        var environment = server.Services.GetRequiredService<IHostEnvironment>();
        Assert.Equal(server.DataDirectory, options.GetDataDirectoryPath(environment.ContentRootPath));
        Assert.True(Directory.Exists(server.DataDirectory));
    }

    [Fact]
    public async Task Start_WithDefaults_ListensOnLoopbackRandomPort()
    {
        await using var server = new PadHubServerFactory();

        var address = server.Start();

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(5000, address.Port);
        Assert.True(address.Port > 0);
    }

    [Fact]
    public async Task Start_WithSettings_ServerSeesOverride()
    {
        await using var server = new PadHubServerFactory(new Dictionary<string, string?> { ["PadHubTests:Marker"] = "from-test" });

        server.Start();

        Assert.Equal("from-test", server.Services.GetRequiredService<IConfiguration>()["PadHubTests:Marker"]);
    }

    [Fact]
    public async Task DisposeAsync_AfterStart_DeletesDataDirectory()
    {
        var server = new PadHubServerFactory();
        server.Start();
        File.WriteAllText(Path.Combine(server.DataDirectory, "scratch.txt"), "x");

        await server.DisposeAsync();

        Assert.False(Directory.Exists(server.DataDirectory));
    }
}
