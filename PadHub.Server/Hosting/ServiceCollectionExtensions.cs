using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using PadHub.Server.Api;
using PadHub.Server.Pads;
using PadHub.Server.Pads.Watch;
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
        services.AddPadHubLive(configuration);
        services.AddPadHubWatch(configuration);

        services.TryAddSingleton(TimeProvider.System);

        // The editor's edits travel through the circuit: its message limit is set as deliberately as the hub's.
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = configuration.GetValue(
                $"{PadLimitsOptions.SectionName}:{nameof(PadLimitsOptions.MaxMessageBytes)}", new PadLimitsOptions().MaxMessageBytes));
        services.AddMudServices();

        services.AddHealthChecks();

        return services;
    }
}
