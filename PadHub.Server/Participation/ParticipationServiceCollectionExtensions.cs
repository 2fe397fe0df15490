using Microsoft.Extensions.DependencyInjection.Extensions;
using PadHub.Components.Contracts.Participation;

namespace PadHub.Server.Participation;

public static class ParticipationServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IParticipationService"/>: group follows and help calls, per session, in memory.</summary>
    public static IServiceCollection AddPadHubParticipation(this IServiceCollection services)
    {
        services.TryAddSingleton<ParticipationService>();
        services.TryAddSingleton<IParticipationService>(sp => sp.GetRequiredService<ParticipationService>());
        return services;
    }
}
