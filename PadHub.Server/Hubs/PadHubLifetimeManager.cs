using Microsoft.AspNetCore.SignalR;

namespace PadHub.Server.Hubs;

/// <summary>
/// SignalR's default (single-node) lifetime manager for <see cref="PadSyncHub"/>, which also enters each connection in
/// this host's <see cref="PadHubConnections"/> while it is open.
/// </summary>
internal sealed class PadHubLifetimeManager(PadHubConnections connections, ILogger<DefaultHubLifetimeManager<PadSyncHub>> logger)
    : DefaultHubLifetimeManager<PadSyncHub>(logger)
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        connections.Add(connection);
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.Remove(connection);
        return base.OnDisconnectedAsync(connection);
    }
}
