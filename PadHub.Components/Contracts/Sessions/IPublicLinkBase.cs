namespace PadHub.Components.Contracts.Sessions;

/// <summary>
/// Where absolute links point (the share page, QR codes), when the host knows its public address. Optional: without it,
/// or with <see cref="BaseUrl"/> null, links use the page's own address.
/// </summary>
public interface IPublicLinkBase
{
    /// <summary>The configured public base, e.g. <c>https://pads.example.org</c> (no trailing slash), or null.</summary>
    string? BaseUrl { get; }
}
