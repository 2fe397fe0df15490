using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using PadHub.Server.Api;
using PadHub.Server.Hubs;
using PadHub.Server.Localization;
using PadHub.Server.Pads;
using PadHub.Server.Pads.Watch;
using PadHub.Server.Persistence;
using PadHub.Server.Results;
using PadHub.Server.Sessions;

namespace PadHub.Server.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything the PadHub server needs: options, persistence, the HTTP API, the live pads and their hub, workshop
    /// sessions, Blazor (interactive Server), MudBlazor, health checks. <paramref name="environment"/> decides what is
    /// Development-only (the demo workshop on the home page).
    /// </summary>
    public static IServiceCollection AddPadHubServer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PadHubOptions>()
            .Bind(configuration.GetSection(PadHubOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<DataDirectoryInitializer>();
        services.AddPadHubDataProtection();
        services.AddOptions<PadLimitsOptions>()
            .Bind(configuration.GetSection(PadLimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddPadHubEdge(configuration);
        services.AddPadHubPersistence(configuration);
        services.AddPadHubApi(configuration);
        services.AddPadHubLive(configuration);
        services.AddPadHub();
        services.AddPadHubWatch(configuration);
        services.AddPadHubSessions(configuration, environment?.IsDevelopment() ?? false);
        services.AddPadHubResults();

        services.TryAddSingleton(TimeProvider.System);

        // Circuits serve anonymous pages: a small message limit; the editor splits large pastes into 16 KB operations.
        // (Read when the options are first used, so that configuration added late, as tests do, counts.)
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = configuration.GetValue(
                $"{PadLimitsOptions.SectionName}:{nameof(PadLimitsOptions.CircuitMessageBytes)}", new PadLimitsOptions().CircuitMessageBytes));
        services.AddMudServices();
        services.AddPadHubLocalization();

        services.AddHealthChecks();

        return services;
    }
}
