using Microsoft.Extensions.DependencyInjection.Extensions;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Api;

public static class PadApiServiceCollectionExtensions
{
    /// <summary>Registers the HTTP API's options (validated at start), its key and the start-up key announcement.</summary>
    public static IServiceCollection AddPadHubApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PadApiOptions>()
            .Bind(configuration.GetSection(PadApiOptions.SectionName))
            .Validate(o => PadApiOptions.IsValidBaseUrl(o.PublicBaseUrl),
                "PadHub:PublicBaseUrl must be an absolute http(s) URL without query or fragment, e.g. https://pads.example.org.")
            .ValidateOnStart();
        services.TryAddSingleton<IApiKeyProvider, ApiKeyProvider>();
        services.TryAddSingleton<IPublicLinkBase, PublicLinkBase>();
        services.AddHostedService<ApiKeyAnnouncer>();
        return services;
    }
}
