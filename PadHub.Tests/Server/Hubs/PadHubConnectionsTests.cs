using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PadHub.Server.Hubs;

namespace PadHub.Tests.Server.Hubs;

// The registry the fan-out writes pre-serialised events through: one per host, never shared by the hosts of a process.
public sealed class PadHubConnectionsTests : IAsyncLifetime
{
    private readonly PadHubServerFactory _first = new();
    private readonly PadHubServerFactory _second = new();

    public Task InitializeAsync()
    {
        _first.Start();
        _second.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task TryGet_ConnectionOfAnotherHostInTheProcess_IsNotFound()
    {
        var pad = await _first.CreatePadAsync("x");
        await using var client = await HubPadClient.ConnectAsync(_first.ServerAddress);
        // A hub call runs only once the connection is entered, so after Join the first host holds it.
        await client.JoinAsync(pad.PadId, pad.ViewToken);
        var connectionId = client.Connection.ConnectionId!;

        var seenByFirst = _first.Services.GetRequiredService<PadHubConnections>().TryGet(connectionId, out _);
        var seenBySecond = _second.Services.GetRequiredService<PadHubConnections>().TryGet(connectionId, out _);

        Assert.True(seenByFirst);
        Assert.False(seenBySecond);
    }

    [Fact]
    public void Remove_ContextThatNoLongerHoldsItsId_KeepsTheNewerOne()
    {
        var connections = new PadHubConnections();
        var older = Context("c-1");
        var newer = Context("c-1");
        connections.Add(older);
        connections.Add(newer);

        connections.Remove(older);

        Assert.True(connections.TryGet("c-1", out var found));
        Assert.Same(newer, found);
    }

    [Fact]
    public void Remove_OpenContext_ForgetsIt()
    {
        var connections = new PadHubConnections();
        var context = Context("c-2");
        connections.Add(context);

        connections.Remove(context);

        Assert.False(connections.TryGet("c-2", out _));
    }

    private static HubConnectionContext Context(string connectionId) =>
        new(new DefaultConnectionContext(connectionId), new HubConnectionContextOptions(), NullLoggerFactory.Instance);
}
