using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Api;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Api;

// POST /api/pads on a real server (Kestrel, its own SQLite file) with a configured key. The tests of this class share
// one server and run one after another, so counting pads before and after a request is exact.
public sealed class PadApiTests(PadApiTests.ServerFixture fixture) : IClassFixture<PadApiTests.ServerFixture>
{
    private const string ApiKey = "test-api-key-0123456789";
    private const int MaxPadLength = 50;

    private readonly PadHubServerFactory _server = fixture.Server;
    private readonly HttpClient _client = fixture.Client;

    public sealed class ServerFixture() : ApiServerFixture(new Dictionary<string, string?>
    {
        ["PadHub:ApiKey"] = ApiKey,
        ["PadHub:Limits:MaxPadLength"] = MaxPadLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task Post_ValidKeyAndText_Returns201WithLinksAndTokens()
    {
        using var request = Post(ApiKey, """{ "text": "hello" }""");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = json.RootElement;
        var padId = body.GetProperty("padId").GetString()!;
        var editToken = body.GetProperty("editToken").GetString()!;
        var viewToken = body.GetProperty("viewToken").GetString()!;
        var baseUrl = _server.ServerAddress.GetLeftPart(UriPartial.Authority);
        Assert.Matches("^[0-9a-f]{32}$", padId);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", editToken);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", viewToken);
        Assert.Equal($"{baseUrl}/p/{editToken}", body.GetProperty("editUrl").GetString());
        Assert.Equal($"{baseUrl}/v/{viewToken}", body.GetProperty("viewUrl").GetString());
        Assert.Equal(new Uri($"{baseUrl}/p/{editToken}"), response.Headers.Location);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Post_ValidKeyAndText_TokensGrantEditAndViewOnStoredPad()
    {
        using var request = Post(ApiKey, """{ "text": "hello" }""");

        using var response = await _client.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<CreatePadResponse>();

        Assert.NotNull(created);
        var store = _server.Services.GetRequiredService<IPadStore>();
        Assert.Equal(new PadAccess(created.PadId, PadRole.Editor), await store.ResolveTokenAsync(created.EditToken));
        Assert.Equal(new PadAccess(created.PadId, PadRole.Viewer), await store.ResolveTokenAsync(created.ViewToken));
        Assert.Equal("hello", (await store.LoadAsync(created.PadId))?.Snapshot.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{ "text": null }""")]
    [InlineData("""{ "other": 1 }""")]
    public async Task Post_NoTextInBody_CreatesEmptyPad(string? body)
    {
        using var request = Post(ApiKey, body);

        using var response = await _client.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<CreatePadResponse>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(created);
        var state = await _server.Services.GetRequiredService<IPadStore>().LoadAsync(created.PadId);
        Assert.Equal("", state?.Snapshot.Text);
    }

    [Fact]
    public async Task Post_CrlfAndCrInText_StoresLf()
    {
        using var request = Post(ApiKey, """{ "text": "a\r\nb\rc\n" }""");

        using var response = await _client.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<CreatePadResponse>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var state = await _server.Services.GetRequiredService<IPadStore>().LoadAsync(created!.PadId);
        Assert.Equal("a\nb\nc\n", state?.Snapshot.Text);
    }

    [Fact]
    public async Task Post_TextAtLimitAfterNormalisation_Returns201()
    {
        // 50 CRLF pairs are 100 code units as sent but 50 once normalised: the limit applies to what is stored.
        var text = string.Concat(Enumerable.Repeat("\\r\\n", MaxPadLength));
        using var request = Post(ApiKey, $$"""{ "text": "{{text}}" }""");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-api-key-012345678")]
    public async Task Post_MissingOrWrongKey_Returns401AndCreatesNothing(string? key)
    {
        var before = await CountPadsAsync();
        using var request = Post(key, """{ "text": "hello" }""");

        using var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(before, await CountPadsAsync());
    }

    [Theory]
    [InlineData("""{ "text": """)]
    [InlineData("""{ "text": 5 }""")]
    [InlineData("""{ "text": ["a"] }""")]
    [InlineData("[]")]
    [InlineData("\"hello\"")]
    [InlineData("not json")]
    [InlineData("""{ "text": "a", "text": "b" }""")]
    [InlineData("""{ "text": "\ud800" }""")]
    public async Task Post_MalformedBody_Returns400AndCreatesNothing(string body)
    {
        var before = await CountPadsAsync();
        using var request = Post(ApiKey, body);

        using var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountPadsAsync());
    }

    [Fact]
    public async Task Post_TextOverMaxPadLength_Returns413AndCreatesNothing()
    {
        var before = await CountPadsAsync();
        using var request = Post(ApiKey, $$"""{ "text": "{{new string('x', MaxPadLength + 1)}}" }""");

        using var response = await _client.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MaxPadLength", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountPadsAsync());
    }

    [Fact]
    public async Task Post_BodyFarOverAnyAcceptableText_Returns413AndCreatesNothing()
    {
        var before = await CountPadsAsync();
        using var request = Post(ApiKey, $$"""{ "text": "{{new string('x', (MaxPadLength * 6) + 5000)}}" }""");

        using var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await CountPadsAsync());
    }

    [Fact]
    public async Task Post_NonJsonContentType_Returns415AndCreatesNothing()
    {
        var before = await CountPadsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, PadApi.PadsPath)
        {
            Content = new StringContent("text=hello", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(PadApi.ApiKeyHeader, ApiKey);

        using var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await CountPadsAsync());
    }

    private static HttpRequestMessage Post(string? apiKey, string? json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PadApi.PadsPath);
        if (apiKey is not null)
        {
            request.Headers.Add(PadApi.ApiKeyHeader, apiKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<int> CountPadsAsync()
    {
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        return await db.Pads.CountAsync();
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = json.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
