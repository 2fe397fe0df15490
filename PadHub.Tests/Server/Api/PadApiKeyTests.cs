using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PadHub.Server.Api;

namespace PadHub.Tests.Server.Api;

// Where the API key comes from when none is configured, and the public base URL of the returned links.
public sealed class PadApiKeyTests
{
    [Fact]
    public async Task Post_DevelopmentWithoutConfiguredKey_AcceptsTheGeneratedAndLoggedKey()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = new PadHubServerFactory(configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = server.CreateHttpClient();
        var keys = server.Services.GetRequiredService<IApiKeyProvider>();

        using var response = await PostAsync(client, keys.ApiKey);

        Assert.True(keys.IsGenerated);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", keys.ApiKey);
        Assert.Contains(logs.Messages, m => m.Contains($"PadHub API key (Development, generated): {keys.ApiKey}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_DevelopmentWithoutConfiguredKey_RejectsOtherKeys()
    {
        await using var server = new PadHubServerFactory();
        using var client = server.CreateHttpClient();

        using var response = await PostAsync(client, "guess");

        await PadApiTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_ProductionWithoutConfiguredKey_Returns503()
    {
        await using var server = new PadHubServerFactory(new Dictionary<string, string?> { ["AllowedHosts"] = "127.0.0.1" }) { EnvironmentName = "Production" };
        using var client = server.CreateHttpClient();

        using var response = await PostAsync(client, "anything");

        var problem = await PadApiTests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("PadHub:ApiKey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(server.Services.GetRequiredService<IApiKeyProvider>().ApiKey);
    }

    [Fact]
    public async Task Post_ProductionWithConfiguredKey_Returns201()
    {
        await using var server = new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:ApiKey"] = "production-key", ["AllowedHosts"] = "127.0.0.1" })
        {
            EnvironmentName = "Production",
        };
        using var client = server.CreateHttpClient();

        using var response = await PostAsync(client, "production-key");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_PublicBaseUrlSet_LinksUseIt()
    {
        await using var server = new PadHubServerFactory(new Dictionary<string, string?>
        {
            ["PadHub:ApiKey"] = "k",
            ["PadHub:PublicBaseUrl"] = "https://pads.example.org/",
        });
        using var client = server.CreateHttpClient();

        using var response = await PostAsync(client, "k");
        var created = await response.Content.ReadFromJsonAsync<CreatePadResponse>();

        Assert.NotNull(created);
        Assert.Equal($"https://pads.example.org/p/{created.EditToken}", created.EditUrl);
        Assert.Equal($"https://pads.example.org/v/{created.ViewToken}", created.ViewUrl);
    }

    [Fact]
    public async Task Start_InvalidPublicBaseUrl_Throws()
    {
        await using var server = new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:PublicBaseUrl"] = "pads.example.org" });

        var ex = Assert.ThrowsAny<Exception>(() => server.Start());

        Assert.Contains("PadHub:PublicBaseUrl", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PadApi.PadsPath);
        request.Headers.Add(PadApi.ApiKeyHeader, key);
        return await client.SendAsync(request);
    }
}
