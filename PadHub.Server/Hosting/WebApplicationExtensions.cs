using Microsoft.Extensions.Options;
using PadHub.Server.Api;
using PadHub.Server.Hubs;
using PadHub.Server.Components;
using PadHub.Server.Localization;
using PadHub.Server.Results;

namespace PadHub.Server.Hosting;

public static class WebApplicationExtensions
{
    /// <summary>The path of the liveness endpoint that the container health check and the tests call.</summary>
    public const string HealthPath = "/healthz";

    // Pad Markdown may show remote images only with this setting; the page's policy follows it.
    private const string RemoteImagesKey = "PadHub:Markdown:AllowRemoteImages";

    /// <summary>Builds the request pipeline and maps PadHub's endpoints.</summary>
    public static WebApplication UsePadHubServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First, so that everything after sees the client's scheme and address (HSTS needs the scheme).
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        app.UsePadHubSecurityHeaders(app.Configuration.GetValue<bool>(RemoteImagesKey));
        // Before anything that renders: pages, error pages and the circuits' connections take the request's culture.
        app.UseRequestLocalization();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.UseResultsLinks();

        app.MapStaticAssets();
        app.MapHealthChecks(HealthPath);
        app.MapPadApi();
        app.MapSessionApi();
        app.MapResults();
        app.MapCultureSwitch();
        app.MapPadHub();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();

        return app;
    }
}
