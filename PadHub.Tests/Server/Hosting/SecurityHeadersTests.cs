using System.Net;
using System.Text.RegularExpressions;

namespace PadHub.Tests.Server.Hosting;

// Every response carries the security headers; the page's only inline script (the import map) carries the nonce.
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly PadHubServerFactory _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/p/unknown-token")]
    [InlineData("/no-such-page")]
    [InlineData("/app.css")]
    public async Task Get_AnyPath_HasTheSecurityHeaders(string path)
    {
        using var client = _server.CreateHttpClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{22}';", csp);
        var scriptSrc = csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe", scriptSrc, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP in Development");
    }

    [Fact]
    public async Task Get_HomePage_EveryInlineScriptCarriesThisResponsesNonce()
    {
        using var client = _server.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nonce = NonceRegex().Match(Header(response, "Content-Security-Policy")).Groups[1].Value;
        var inline = InlineScriptRegex().Matches(html);
        Assert.NotEmpty(inline);
        Assert.All(inline, m => Assert.Contains($"nonce=\"{nonce}\"", m.Value, StringComparison.Ordinal));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name} header");

    [GeneratedRegex("'nonce-([A-Za-z0-9_-]+)'")]
    private static partial Regex NonceRegex();

    // A <script> start tag without src: an inline script.
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScriptRegex();
}
