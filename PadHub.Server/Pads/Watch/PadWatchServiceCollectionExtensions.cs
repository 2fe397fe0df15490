using Microsoft.Extensions.DependencyInjection.Extensions;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Markdown;

namespace PadHub.Server.Pads.Watch;

/// <summary>Registers the live views' pad mirrors (<see cref="IPadWatchService"/>) and how they render Markdown.</summary>
public static class PadWatchServiceCollectionExtensions
{
    public static IServiceCollection AddPadHubWatch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PadWatchOptions>()
            .Bind(configuration.GetSection(PadWatchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PadMarkdownOptions>()
            .Bind(configuration.GetSection(PadMarkdownOptions.SectionName))
            .ValidateOnStart();

        // Built on first use (a factory, not validated when the container is built): it needs the workshop service,
        // which the sessions feature registers.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<PadWatchService>(sp));
        services.TryAddSingleton<IPadWatchService>(sp => sp.GetRequiredService<PadWatchService>());
        return services;
    }
}
