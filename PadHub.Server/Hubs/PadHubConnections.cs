using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;

namespace PadHub.Server.Hubs;

/// <summary>
/// This host's open <c>/hubs/pad</c> connections by id, kept by <see cref="PadHubLifetimeManager"/> so the pad fan-out
/// can write pre-serialised events straight to a connection (<see cref="HubPadListener"/>) instead of serialising every
/// event once per connection. One per host (a singleton of its container): hosts sharing a process, as tests do, never
/// see each other's connections. Public only because the hub, which is, takes it in its constructor.
/// </summary>
public sealed class PadHubConnections
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);

    /// <summary>Enters an open connection under its id.</summary>
    public void Add(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[connection.ConnectionId] = connection;
    }

    /// <summary>Forgets <paramref name="connection"/>, and only it: an id taken over by a newer context stays.</summary>
    public void Remove(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections.TryRemove(new KeyValuePair<string, HubConnectionContext>(connection.ConnectionId, connection));
    }

    /// <summary>The open connection with this id, if this host has one.</summary>
    public bool TryGet(string connectionId, [NotNullWhen(true)] out HubConnectionContext? connection) =>
        _connections.TryGetValue(connectionId, out connection);
}
