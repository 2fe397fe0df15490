using System.Net;
using System.Net.Http.Json;
using System.Text;
using PadHub.Server.Api;

namespace PadHub.Tests.Server.Hosting;

// Links are never built from a Host header nobody checked; forwarded headers count only from known proxies.
public sealed class PublicOriginTests
{
    private const string ApiKey = "origin-test-key-0123456789";
    private const string SessionBody = """
        { "title": "T", "groups": [ { "name": "G", "topic": "Q?" } ], "phases": [ { "name": "P", "minutes": 5 } ] }
        """;

    [Fact]
    public async Task Start_ProductionWithoutPublicBaseUrlOrAllowedHosts_RefusesNamingBothSettings()
    {
        await using var server = Production(new() { ["PadHub:ApiKey"] = ApiKey });

        var ex = Assert.ThrowsAny<Exception>(() => server.Start());

        Assert.Contains("PadHub:PublicBaseUrl", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithWildcardAllowedHosts_Refuses()
    {
        await using var server = Production(new() { ["PadHub:ApiKey"] = ApiKey, ["AllowedHosts"] = "*" });

        var ex = Assert.ThrowsAny<Exception>(() => server.Start());

        Assert.Contains("AllowedHosts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPad_ProductionWithPublicBaseUrl_EvilHostDoesNotReachTheLinks()
    {
        await using var server = Production(new() { ["PadHub:ApiKey"] = ApiKey, ["PadHub:PublicBaseUrl"] = "https://pads.example.org" });
        using var client = server.CreateHttpClient();

        using var response = await client.SendAsync(Request("/api/pads", "evil.example", "{}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("https://pads.example.org/p/", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/pads", "{}")]
    [InlineData("/api/sessions", SessionBody)]
    public async Task Post_ProductionWithAllowedHosts_EvilHostIsRefusedWithNoLink(string path, string body)
    {
        await using var server = Production(new() { ["PadHub:ApiKey"] = ApiKey, ["AllowedHosts"] = "pads.example.org" });
        using var client = server.CreateHttpClient();

        using var evil = await client.SendAsync(Request(path, "evil.example", body));
        using var allowed = await client.SendAsync(Request(path, "pads.example.org", body));

        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.Null(evil.Headers.Location);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.StartsWith("http://pads.example.org/", allowed.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSession_ProductionWithPublicBaseUrl_EveryLinkUsesIt()
    {
        await using var server = Production(new() { ["PadHub:ApiKey"] = ApiKey, ["PadHub:PublicBaseUrl"] = "https://pads.example.org" });
        using var client = server.CreateHttpClient();

        using var response = await client.SendAsync(Request("/api/sessions", "evil.example", SessionBody));
        var created = await response.Content.ReadFromJsonAsync<CreateSessionResponse>();

        Assert.NotNull(created);
        Assert.All([created.ModeratorUrl, created.ShareUrl, created.AudienceUrl, .. created.Groups.Select(g => g.NoteTakerUrl)],
            url => Assert.StartsWith("https://pads.example.org/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostPad_BehindKnownProxyForwardingHttps_LinksAndHstsFollowTheProxy()
    {
        await using var server = Production(new()
        {
            ["PadHub:ApiKey"] = ApiKey,
            ["AllowedHosts"] = "pads.example.org",
            ["PadHub:ReverseProxy:Enabled"] = "true",
        });
        using var client = server.CreateHttpClient();
        using var request = Request("/api/pads", "pads.example.org", "{}");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("https://pads.example.org/p/", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS over (forwarded) HTTPS outside Development");
    }

    [Fact]
    public async Task PostPad_ProxySupportOff_ForwardedProtoIsIgnoredAndNoHsts()
    {
        await using var server = Production(new() { ["PadHub:ApiKey"] = ApiKey, ["AllowedHosts"] = "pads.example.org" });
        using var client = server.CreateHttpClient();
        using var request = Request("/api/pads", "pads.example.org", "{}");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.StartsWith("http://pads.example.org/p/", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Start_UnparsableKnownNetwork_RefusesNamingIt()
    {
        await using var server = Production(new()
        {
            ["PadHub:PublicBaseUrl"] = "https://pads.example.org",
            ["PadHub:ReverseProxy:Enabled"] = "true",
            ["PadHub:ReverseProxy:KnownNetworks:0"] = "10.0.0.0/99",
        });

        var ex = Assert.ThrowsAny<Exception>(() => server.Start());

        Assert.Contains("10.0.0.0/99", ex.Message, StringComparison.Ordinal);
    }

    private static PadHubServerFactory Production(Dictionary<string, string?> settings) => new(settings) { EnvironmentName = "Production" };

    private static HttpRequestMessage Request(string path, string host, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = host;
        request.Headers.Add(PadApi.ApiKeyHeader, ApiKey);
        return request;
    }
}
