using System.Net;

namespace PadHub.Server.Hosting;

/// <summary>
/// Running behind a reverse proxy, bound from <c>PadHub:ReverseProxy</c> and validated at start. When enabled, the
/// scheme and client address come from <c>X-Forwarded-Proto</c> / <c>X-Forwarded-For</c> sent by a known proxy (loopback,
/// <see cref="KnownProxies"/>, <see cref="KnownNetworks"/>); <c>X-Forwarded-Host</c> is never trusted: the proxy passes the
/// original <c>Host</c> header on, which the host allow-list then checks.
/// </summary>
public sealed record ReverseProxyOptions
{
    public const string SectionName = "PadHub:ReverseProxy";

    /// <summary>Honour forwarded headers from known proxies.</summary>
    public bool Enabled { get; init; }

    /// <summary>Addresses of the proxies besides loopback, e.g. <c>10.0.0.5</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; init; } = [];

    /// <summary>Networks of the proxies besides loopback, in CIDR notation, e.g. <c>172.18.0.0/16</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; init; } = [];

    internal IEnumerable<string> Problems()
    {
        foreach (var proxy in KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                yield return $"PadHub:ReverseProxy:KnownProxies: '{proxy}' is not an IP address.";
            }
        }

        foreach (var network in KnownNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return $"PadHub:ReverseProxy:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 172.18.0.0/16).";
            }
        }
    }
}
