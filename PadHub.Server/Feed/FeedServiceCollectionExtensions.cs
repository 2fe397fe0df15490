using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Feed;

namespace PadHub.Server.Feed;

public static class FeedServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sessions' social feeds: <see cref="ISocialFeedService"/> (hosted: polls stop at shutdown), the
    /// options (<c>PadHub:SocialFeed</c>, validated at start) and the named HTTP client, which in production connects to
    /// public addresses only and never follows redirects.
    /// </summary>
    public static IServiceCollection AddPadHubSocialFeed(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SocialFeedOptions>()
            .Bind(configuration.GetSection(SocialFeedOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(MastodonFeedClient.HttpClientName, (sp, http) =>
            {
                http.Timeout = sp.GetRequiredService<IOptions<SocialFeedOptions>>().Value.RequestTimeout;
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("PadHub", "1.0"));
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var handler = new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    MaxResponseHeadersLength = 64,
                };
                // The override is the tests' local fake: only then may the client reach loopback.
                if (sp.GetRequiredService<IOptions<SocialFeedOptions>>().Value.BaseAddressOverride is null)
                {
                    handler.ConnectCallback = PublicAddressConnector.ConnectAsync;
                }

                return handler;
            });
        services.TryAddSingleton<MastodonFeedClient>();
        services.TryAddSingleton<SocialFeedService>();
        services.TryAddSingleton<ISocialFeedService>(sp => sp.GetRequiredService<SocialFeedService>());
        services.AddHostedService(sp => sp.GetRequiredService<SocialFeedService>());
        return services;
    }
}
