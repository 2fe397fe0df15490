using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;

namespace PadHub.Server.Hubs;

/// <summary>
/// SignalR's default (single-node) lifetime manager for <see cref="PadSyncHub"/>, which also keeps each connection's
/// <see cref="HubConnectionContext"/> by id, so the pad fan-out can write pre-serialised events to it
/// (<see cref="HubPadListener"/>) instead of serialising every event once per connection. Connection ids are random and
/// unique, so one table serves every host in the process (tests start several).
/// </summary>
internal sealed class PadHubLifetimeManager(ILogger<DefaultHubLifetimeManager<PadSyncHub>> logger) : DefaultHubLifetimeManager<PadSyncHub>(logger)
{
    private static readonly ConcurrentDictionary<string, HubConnectionContext> Connections = new(StringComparer.Ordinal);

    public static bool TryGetConnection(string connectionId, [NotNullWhen(true)] out HubConnectionContext? connection) =>
        Connections.TryGetValue(connectionId, out connection);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connections[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connections.TryRemove(new KeyValuePair<string, HubConnectionContext>(connection.ConnectionId, connection));
        return base.OnDisconnectedAsync(connection);
    }
}
