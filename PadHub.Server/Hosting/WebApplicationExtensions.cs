using PadHub.Server.Api;
using PadHub.Server.Pads;
using PadHub.Server.Components;

namespace PadHub.Server.Hosting;

public static class WebApplicationExtensions
{
    /// <summary>The path of the liveness endpoint that the container health check and the tests call.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Builds the request pipeline and maps PadHub's endpoints.</summary>
    public static WebApplication UsePadHubServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks(HealthPath);
        app.MapPadApi();
        app.MapSessionApi();
        app.MapPadHub();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();

        return app;
    }
}
