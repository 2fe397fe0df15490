using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using PadHub.Components.Layout;

namespace PadHub.Server.Localization;

/// <summary>
/// <c>GET /culture?c=fr&amp;redirect=/m/token</c> (or <c>redirectUri=</c>): remembers the language in the culture cookie and goes back to the
/// page. Only a local path is followed: anything else (another host, <c>//host</c>, <c>/\host</c>) is refused, or the
/// switcher would be an open redirect that lends PadHub's address to phishing links.
/// </summary>
public static class CultureEndpoints
{
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    /// <summary>Maps <see cref="AppCultures.SwitchPath"/>.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AppCultures.SwitchPath, Switch);
        return endpoints;
    }

    // redirectUri: the name other apps' switchers use for the same thing; redirect wins when both are given.
    // The refusals speak the request's language (its cookie or Accept-Language), like any page.
    private static IResult Switch(HttpContext http, TimeProvider time, IStringLocalizer<CultureSwitchText> text, string? c, string? redirect, string? redirectUri)
    {
        redirect ??= redirectUri;
        if (!AppCultures.IsSupported(c))
        {
            return TypedResults.Text(
                text["UnknownLanguage", string.Join(", ", AppCultures.All.Select(a => a.Name))],
                statusCode: StatusCodes.Status400BadRequest);
        }

        var target = string.IsNullOrEmpty(redirect) ? "/" : redirect;
        if (!IsLocalPath(target))
        {
            return TypedResults.Text(text["NotLocal"], statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c!)),
            new CookieOptions
            {
                Path = "/",
                Expires = time.GetUtcNow().Add(CookieLifetime),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
            });
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(target);
    }

    /// <summary>A path on this site: one leading '/', not '//' or '/\' (both mean another host to a browser), no control characters.</summary>
    internal static bool IsLocalPath(string path) =>
        path.Length > 0
        && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(char.IsControl)
        && Uri.TryCreate(path, UriKind.Relative, out _);
}
