using Microsoft.Extensions.DependencyInjection.Extensions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Pads;

namespace PadHub.Server.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers workshop sessions: <see cref="IWorkshopService"/>, the session links' gate onto the pad path, who may
    /// create sessions from the home page, the idle sweeper, the options (validated at start), the demo seeder and, in
    /// Development, <see cref="IDemoWorkshop"/>.
    /// </summary>
    public static IServiceCollection AddPadHubSessions(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkshopOptions>()
            .Bind(configuration.GetSection(WorkshopOptions.SectionName))
            .ValidateOnStart();

        services.AddOptions<SessionOptions>()
            .Bind(configuration.GetSection(SessionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<SessionCreationLimiter>();
        services.TryAddScoped<ISessionCreationGate, SessionCreationGate>();
        services.AddHostedService<SessionRuntimeSweeper>();

        services.TryAddSingleton<WorkshopService>();
        services.TryAddSingleton<IWorkshopService>(sp => sp.GetRequiredService<WorkshopService>());
        services.TryAddSingleton<ISessionPadResolver>(sp => sp.GetRequiredService<WorkshopService>());
        if (isDevelopment)
        {
            services.TryAddSingleton<DemoWorkshop>();
            services.TryAddSingleton<IDemoWorkshop>(sp => sp.GetRequiredService<DemoWorkshop>());
        }

        services.AddHostedService<DemoWorkshopSeeder>();
        return services;
    }
}
