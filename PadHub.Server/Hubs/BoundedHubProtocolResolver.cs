using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace PadHub.Server.Hubs;

/// <summary>
/// SignalR's protocol lookup with <see cref="BoundedJsonHubProtocol"/> in place of the plain JSON protocol, whoever
/// registered it (every <c>AddSignalR()</c> call adds it again); the other protocols (the circuits' blazorpack) are untouched.
/// </summary>
internal sealed class BoundedHubProtocolResolver(IEnumerable<IHubProtocol> protocols, BoundedJsonHubProtocol json) : IHubProtocolResolver
{
    private readonly IReadOnlyList<IHubProtocol> _all =
        [.. protocols.Where(p => !string.Equals(p.Name, json.Name, StringComparison.OrdinalIgnoreCase)), json];

    public IReadOnlyList<IHubProtocol> AllProtocols => _all;

    public IHubProtocol? GetProtocol(string protocolName, IReadOnlyList<string>? supportedProtocols)
    {
        if (supportedProtocols is not null && !supportedProtocols.Contains(protocolName, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return _all.FirstOrDefault(p => string.Equals(p.Name, protocolName, StringComparison.OrdinalIgnoreCase));
    }
}
