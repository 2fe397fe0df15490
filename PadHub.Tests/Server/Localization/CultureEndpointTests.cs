using System.Net;
using PadHub.Components.Layout;

namespace PadHub.Tests.Server.Localization;

public sealed class CultureEndpointTests : IAsyncLifetime
{
    private const string CookieName = ".AspNetCore.Culture";
    private readonly PadHubServerFactory _server = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _server.Start();
        // Redirects and cookies are what is under test: the client follows and keeps neither.
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = _server.ServerAddress,
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Switch_LocalRedirect_SetsCultureCookieAndRedirectsThere()
    {
        using var response = await GetAsync(AppCultures.SwitchUrl("fr", "/m/abc/share?x=1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/m/abc/share?x=1", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{CookieName}=c%3Dfr%7Cuic%3Dfr;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Switch_NoRedirect_GoesToTheStartPage()
    {
        using var response = await GetAsync("/culture?c=en");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/ok\r\nSet-Cookie: x=y")]
    public async Task Switch_NonLocalRedirect_RefusedWithoutCookie(string redirect)
    {
        using var response = await GetAsync(AppCultures.SwitchUrl("fr", redirect));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("redirect", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("FR")]
    [InlineData("")]
    public async Task Switch_UnsupportedLanguage_RefusedWithoutCookie(string culture)
    {
        using var response = await GetAsync(AppCultures.SwitchUrl(culture, "/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData(null, "fr-FR,fr;q=0.9", "fr")]
    [InlineData(null, "de-DE", "en")]
    [InlineData(null, null, "en")]
    [InlineData("c=en|uic=en", "fr-FR", "en")]
    [InlineData("c=fr|uic=fr", "en-GB", "fr")]
    public async Task Page_CookieThenAcceptLanguage_SetsHtmlLang(string? cookie, string? acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/not-found");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={Uri.EscapeDataString(cookie)}");
        }
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await _client.SendAsync(request);

        Assert.Contains($"<html lang=\"{expected}\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_NonLocalRedirectFromAFrenchBrowser_SaysWhyInFrench()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(AppCultures.SwitchUrl("en", "//evil.example/"), UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("L’adresse de retour (redirect) doit être un chemin de ce site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_RedirectUriAlias_ComesBackThere()
    {
        using var response = await GetAsync("/culture?c=fr&redirectUri=%2Fm%2Fabc");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/m/abc", response.Headers.Location?.OriginalString);
    }

    private Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative));
}
