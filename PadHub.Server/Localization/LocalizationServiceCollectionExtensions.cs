using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using PadHub.Components.Layout;

namespace PadHub.Server.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>
    /// Resource-file localisation and the request's culture: the culture cookie (the switcher's choice) first, then
    /// the browser's <c>Accept-Language</c>, else English. A circuit keeps the culture of the request that opened it.
    /// MudBlazor's own texts follow it through <see cref="PadHubMudLocalizer"/>.
    /// </summary>
    public static IServiceCollection AddPadHubLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudLocalizer, PadHubMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = AppCultures.All.Select(c => CultureInfo.GetCultureInfo(c.Name)).ToList();
            options.DefaultRequestCulture = new RequestCulture(AppCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // No query-string provider: a shared link must not switch the language of whoever opens it.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
