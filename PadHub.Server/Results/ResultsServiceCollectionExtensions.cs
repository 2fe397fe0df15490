using Microsoft.Extensions.DependencyInjection.Extensions;
using PadHub.Components.Contracts.Results;

namespace PadHub.Server.Results;

public static class ResultsServiceCollectionExtensions
{
    /// <summary>Registers the results link's service (<see cref="IResultsService"/>) and the contributors' counter.</summary>
    public static IServiceCollection AddPadHubResults(this IServiceCollection services)
    {
        services.TryAddSingleton<ContributionCounter>();
        services.TryAddSingleton<ResultsService>();
        services.TryAddSingleton<IResultsService>(sp => sp.GetRequiredService<ResultsService>());
        return services;
    }
}
