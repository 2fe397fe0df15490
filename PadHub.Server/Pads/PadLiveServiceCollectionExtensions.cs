using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PadHub.Components.Pads;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
using PadHub.Server.Hubs;

namespace PadHub.Server.Pads;

/// <summary>Registers the live pad: the authority, the fan-out, the session service and the /hubs/pad hub.</summary>
public static class PadLiveServiceCollectionExtensions
{
    public static IServiceCollection AddPadHubLive(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PadAuthorityOptions>()
            .Bind(configuration.GetSection(PadAuthorityOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Presence coalescing runs on the real clock, not the registered TimeProvider: a host (or test) that freezes
        // domain time must not hold presence back.
        services.TryAddSingleton(sp => new PadFanout(
            sp.GetRequiredService<IOptions<PadAuthorityOptions>>(), sp.GetRequiredService<ILogger<PadFanout>>()));
        services.TryAddSingleton<IPadCommitObserver>(sp => sp.GetRequiredService<PadFanout>());
        services.TryAddSingleton<PadAuthorityProvider>();
        services.TryAddSingleton<IPadAuthorityProvider>(sp => sp.GetRequiredService<PadAuthorityProvider>());
        services.AddHostedService(sp => sp.GetRequiredService<PadAuthorityProvider>());
        services.TryAddSingleton<IPadSessionService, PadSessionService>();

        services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new TextOperationJsonConverter()))
            .AddHubOptions<PadSyncHub>(_ => { });
        services.AddSingleton<IConfigureOptions<HubOptions<PadSyncHub>>, ConfigurePadHubOptions>();

        // SignalR logs every exception a hub method throws at Error with its stack trace, refusals included;
        // PadHubErrorFilter logs instead (refusals briefly and rate-limited, faults at Error).
        services.AddLogging(logging => logging.AddFilter(PadHubErrorFilter.DispatcherLogCategory, LogLevel.None));

        // Keeps each connection's context so the fan-out writes events serialised once for all (HubPadListener).
        services.AddSingleton<HubLifetimeManager<PadSyncHub>, PadHubLifetimeManager>();
        return services;
    }

    public static WebApplication MapPadHub(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHub<PadSyncHub>(PadSyncHub.Path);
        return app;
    }

    /// <summary>Sets the hub's message limit from <see cref="PadLimitsOptions"/> so large pastes get through deliberately.</summary>
    private sealed class ConfigurePadHubOptions(IOptions<PadLimitsOptions> limits) : IConfigureOptions<HubOptions<PadSyncHub>>
    {
        public void Configure(HubOptions<PadSyncHub> options)
        {
            options.MaximumReceiveMessageSize = limits.Value.MaxMessageBytes;
            options.MaximumParallelInvocationsPerClient = 1;
            options.AddFilter<PadHubErrorFilter>();
        }
    }
}
