using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Comments;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Pads.Links;
using PadHub.Server.Pads.Watch;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads;

/// <summary>Registers the live pad: the authority, the fan-out, and the session service behind both adapters (the editor and the hub, which registers itself: AddPadHub).</summary>
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
        services.TryAddSingleton<PadLinkRevocations>();
        services.TryAddSingleton<PadCommentsProvider>();
        services.AddHostedService(sp => sp.GetRequiredService<PadCommentsProvider>());
        services.TryAddSingleton<IPadCommentService, PadCommentViews>();
        services.TryAddSingleton<IPadSessionService, PadSessionService>();
        services.TryAddSingleton(sp => new PadLinkReplacer(
            sp.GetRequiredService<IPadStore>(), sp.GetRequiredService<PadLinkRevocations>(), sp.GetService<PadWatchService>()));

        return services;
    }
}
