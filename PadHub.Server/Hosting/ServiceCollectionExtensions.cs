using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using PadHub.Server.Api;
using PadHub.Server.Persistence;

namespace PadHub.Server.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers everything the PadHub server needs: options, persistence, the HTTP API, Blazor (interactive Server), MudBlazor, health checks.</summary>
    public static IServiceCollection AddPadHubServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PadHubOptions>()
            .Bind(configuration.GetSection(PadHubOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<DataDirectoryInitializer>();
        services.AddOptions<PadLimitsOptions>()
            .Bind(configuration.GetSection(PadLimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddPadHubPersistence(configuration);
        services.AddPadHubApi(configuration);

        services.TryAddSingleton(TimeProvider.System);

        services.AddRazorComponents()
            .AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddHealthChecks();

        return services;
    }
}
