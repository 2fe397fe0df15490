using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Api;

/// <summary><see cref="IPublicLinkBase"/> from <c>PadHub:PublicBaseUrl</c>.</summary>
internal sealed class PublicLinkBase(IOptions<PadApiOptions> options) : IPublicLinkBase
{
    public string? BaseUrl => string.IsNullOrEmpty(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.TrimEnd('/');
}
