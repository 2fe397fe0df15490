namespace PadHub.Tests.Server.Sessions;

internal static class ServiceProviderTestExtensions
{
    public static T GetRequiredServiceOf<T>(this IServiceProvider services)
        where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(services);
}
