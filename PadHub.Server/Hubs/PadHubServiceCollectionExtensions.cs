using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;

namespace PadHub.Server.Hubs;

/// <summary>Registers and maps the <c>/hubs/pad</c> hub: an adapter onto the live pads that AddPadHubLive registers.</summary>
public static class PadHubServiceCollectionExtensions
{
    public static IServiceCollection AddPadHub(this IServiceCollection services)
    {
        services.AddSignalR()
            .AddJsonProtocol()
            .AddHubOptions<PadSyncHub>(_ => { });

        // SignalR's JSON protocol, bounded: a message with more values than any call may hold is refused unparsed.
        services.TryAddSingleton<BoundedJsonHubProtocol>();
        services.Replace(ServiceDescriptor.Singleton<IHubProtocolResolver, BoundedHubProtocolResolver>());

        // Any operation bound from a message stops at the configured limits (the hub itself reads them with HubRequest).
        services.AddOptions<JsonHubProtocolOptions>().Configure<IOptions<PadLimitsOptions>>((o, limits) =>
            o.PayloadSerializerOptions.Converters.Add(new TextOperationJsonConverter(limits.Value.ToOperationLimits())));
        services.AddSingleton<IConfigureOptions<HubOptions<PadSyncHub>>, ConfigurePadHubOptions>();

        // SignalR logs every exception a hub method throws at Error with its stack trace, refusals included;
        // PadHubErrorFilter logs instead (refusals briefly and rate-limited, faults at Error).
        services.AddLogging(logging => logging.AddFilter(PadHubErrorFilter.DispatcherLogCategory, LogLevel.None));

        // Keeps each connection's context so the fan-out writes events serialised once for all (HubPadListener).
        services.TryAddSingleton<PadHubConnections>();
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
