using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PadHub.Components.Contracts.Participation;

namespace PadHub.Server.Participation;

public static class ParticipationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IParticipationService"/>: group follows and help calls, per session, in memory
    /// (<see cref="ParticipationService"/>), seen by each circuit through its own <see cref="CircuitParticipationService"/>
    /// so that a page whose connection is down stops counting.
    /// </summary>
    public static IServiceCollection AddPadHubParticipation(this IServiceCollection services)
    {
        services.TryAddSingleton<ParticipationService>();
        services.TryAddScoped<CircuitParticipationService>();
        services.TryAddScoped<IParticipationService>(sp => sp.GetRequiredService<CircuitParticipationService>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, ParticipationCircuitHandler>());
        return services;
    }
}
