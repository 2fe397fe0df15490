using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using PadHub.Server.Persistence;

namespace PadHub.Server.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers everything the PadHub server needs: options, Blazor (interactive Server), MudBlazor, health checks.</summary>
    public static IServiceCollection AddPadHubServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PadHubOptions>()
            .Bind(configuration.GetSection(PadHubOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<DataDirectoryInitializer>();
        services.AddPadHubPersistence(configuration);

        services.TryAddSingleton(TimeProvider.System);

        services.AddRazorComponents()
            .AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddHealthChecks();

        return services;
    }
}
