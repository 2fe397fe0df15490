using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Api;

namespace PadHub.Tests.Server.Sessions;

// POST /api/sessions/links/{kind} on a real server: the API's way to replace a session link, the results link included.
public sealed class SessionLinkApiTests(SessionLinkApiTests.ServerFixture fixture) : IClassFixture<SessionLinkApiTests.ServerFixture>
{
    private const string ApiKey = "test-api-key-0123456789";

    private readonly PadHubServerFactory _server = fixture.Server;
    private readonly HttpClient _client = fixture.Client;

    public sealed class ServerFixture() : ApiServerFixture(new Dictionary<string, string?> { ["PadHub:ApiKey"] = ApiKey });

    [Fact]
    public async Task Post_Results_ReplacesTheResultsLinkAndTheOldOneIsUnknownAtOnce()
    {
        var created = await _server.CreateSessionAsync(groups: 1);

        using var response = await _client.SendAsync(Post("results", new { moderatorToken = created.ModeratorToken }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("token").GetString()!;
        Assert.Equal(created.SessionId, json.RootElement.GetProperty("sessionId").GetString());
        Assert.Equal($"{_server.ServerAddress.GetLeftPart(UriPartial.Authority)}/r/{token}", json.RootElement.GetProperty("url").GetString());
        Assert.Null(await _server.Workshops().ResolveAsync(created.ResultsToken));
        Assert.Equal(SessionRole.Results, (await _server.Workshops().ResolveAsync(token))?.Role);
    }

    [Fact]
    public async Task Post_NoteTaker_NeedsItsGroup()
    {
        var created = await _server.CreateSessionAsync(groups: 2);

        using var without = await _client.SendAsync(Post("note-taker", new { moderatorToken = created.ModeratorToken }));
        using var with = await _client.SendAsync(Post("note-taker", new { moderatorToken = created.ModeratorToken, groupId = created.Groups[1].GroupId }));

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Null(await _server.Workshops().ResolveAsync(created.Groups[1].NoteTakerToken));
    }

    [Fact]
    public async Task Post_RefusedCalls_ChangeNothing()
    {
        var created = await _server.CreateSessionAsync(groups: 1);

        using var unknownKind = await _client.SendAsync(Post("editor", new { moderatorToken = created.ModeratorToken }));
        using var noKey = await _client.SendAsync(Post("results", new { moderatorToken = created.ModeratorToken }, key: null));
        using var notModerator = await _client.SendAsync(Post("results", new { moderatorToken = created.AudienceToken }));
        using var unknownToken = await _client.SendAsync(Post("results", new { moderatorToken = "no-such-token" }));
        using var badBody = await _client.SendAsync(Post("results", new { token = created.ModeratorToken }));

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest],
            [unknownKind.StatusCode, noKey.StatusCode, notModerator.StatusCode, unknownToken.StatusCode, badBody.StatusCode]);
        Assert.Equal(SessionRole.Results, (await _server.Workshops().ResolveAsync(created.ResultsToken))?.Role);
    }

    private static HttpRequestMessage Post(string kind, object body, string? key = ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SessionLinkApi.LinksPath.Replace("{kind}", kind, StringComparison.Ordinal))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (key is not null)
        {
            request.Headers.Add(PadApi.ApiKeyHeader, key);
        }

        return request;
    }
}
