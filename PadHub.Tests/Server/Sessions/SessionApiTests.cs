using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Api;
using PadHub.Tests.Server.Hubs;

namespace PadHub.Tests.Server.Sessions;

// POST /api/sessions on a real server. The tests of this class share one server and run one after another, so counting
// rows before and after a request is exact.
public sealed class SessionApiTests(SessionApiTests.ServerFixture fixture) : IClassFixture<SessionApiTests.ServerFixture>
{
    private const string ApiKey = "test-api-key-0123456789";
    private const string ValidBody = """
        {
          "title": "IGF workshop",
          "description": "Three groups",
          "groups": [
            { "name": "Group A", "topic": "Open data?", "animators": ["Ann", "Bo"] },
            { "name": "Group B", "topic": "Commons?", "animators": [] }
          ],
          "phases": [ { "name": "Intro", "minutes": 10 }, { "name": "Groups", "minutes": 45 } ],
          "audienceCanEdit": false,
          "padTemplate": "# {group}\n{topic}\n"
        }
        """;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly PadHubServerFactory _server = fixture.Server;
    private readonly HttpClient _client = fixture.Client;

    public sealed class ServerFixture() : ApiServerFixture(new Dictionary<string, string?> { ["PadHub:ApiKey"] = ApiKey });

    /// <summary>Bad bodies, each with the field its problem details must name.</summary>
    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", """{ "title": "x", """, "" },
        { "not an object", "[1, 2]", "" },
        { "null body", "null", "" },
        { "missing title", """{ "groups": [ { "name": "A", "topic": "T" } ] }""", "title" },
        { "empty title", """{ "title": "  ", "groups": [ { "name": "A", "topic": "T" } ] }""", "title" },
        { "title of the wrong type", """{ "title": 5, "groups": [ { "name": "A", "topic": "T" } ] }""", "title" },
        { "absurd title", $$"""{ "title": "{{new string('t', 201)}}", "groups": [ { "name": "A", "topic": "T" } ] }""", "title" },
        { "missing groups", """{ "title": "x" }""", "groups" },
        { "no groups", """{ "title": "x", "groups": [] }""", "groups" },
        { "too many groups", $$"""{ "title": "x", "groups": [{{string.Join(",", Enumerable.Repeat("""{ "name": "A", "topic": "T" }""", 13))}}] }""", "groups" },
        { "missing topic", """{ "title": "x", "groups": [ { "name": "A" }, { "name": "B" } ] }""", "groups[0].topic" },
        { "absurd topic", $$"""{ "title": "x", "groups": [ { "name": "A", "topic": "T" }, { "name": "B", "topic": "{{new string('t', 501)}}" } ] }""", "groups[1].topic" },
        { "control character in a name", """{ "title": "x", "groups": [ { "name": "A\u0007", "topic": "T" } ] }""", "groups[0].name" },
        { "too many animators", $$"""{ "title": "x", "groups": [ { "name": "A", "topic": "T", "animators": [{{string.Join(",", Enumerable.Repeat("\"a\"", 11))}}] } ] }""", "groups[0].animators" },
        { "zero minutes", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "phases": [ { "name": "P", "minutes": 0 } ] }""", "phases[0].minutes" },
        { "negative minutes", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "phases": [ { "name": "P", "minutes": -5 } ] }""", "phases[0].minutes" },
        { "huge minutes", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "phases": [ { "name": "P", "minutes": 100000 } ] }""", "phases[0].minutes" },
        { "minutes beyond 32 bits", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "phases": [ { "name": "P", "minutes": 1e30 } ] }""", "phases[0].minutes" },
        { "missing minutes", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "phases": [ { "name": "P" } ] }""", "phases[0].minutes" },
        { "duplicate property", """{ "title": "x", "title": "y", "groups": [ { "name": "A", "topic": "T" } ] }""", "title" },
        { "unknown property", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "colour": "red" }""", "colour" },
        { "absurd template", $$"""{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "padTemplate": "{{new string('t', 10_001)}}" }""", "padTemplate" },
        { "unknown licence", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "licence": "MIT" }""", "licence" },
        { "licence of the wrong type", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "licence": 4 }""", "licence" },
        { "credit setting of the wrong type", """{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "creditContributors": "yes" }""", "creditContributors" },
        { "lone surrogate", """{ "title": "x\ud800", "groups": [ { "name": "A", "topic": "T" } ] }""", "title" },
    };

    [Fact]
    public async Task Post_ValidSession_Returns201WithEveryLinkAndTheLinksWork()
    {
        using var request = Post(ValidBody);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = json.RootElement;
        var baseUrl = _server.ServerAddress.GetLeftPart(UriPartial.Authority);
        var moderatorToken = body.GetProperty("moderatorToken").GetString()!;
        var audienceToken = body.GetProperty("audienceToken").GetString()!;
        Assert.Equal("IGF workshop", body.GetProperty("title").GetString());
        Assert.Equal($"{baseUrl}/m/{moderatorToken}", body.GetProperty("moderatorUrl").GetString());
        Assert.Equal($"{baseUrl}/m/{moderatorToken}/share", body.GetProperty("shareUrl").GetString());
        Assert.Equal($"{baseUrl}/a/{audienceToken}", body.GetProperty("audienceUrl").GetString());
        Assert.Equal(new Uri($"{baseUrl}/m/{moderatorToken}"), response.Headers.Location);
        var groups = body.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(2, groups.Length);
        Assert.Equal((1, "Group A", "Open data?"), (groups[0].GetProperty("number").GetInt32(), groups[0].GetProperty("name").GetString(), groups[0].GetProperty("topic").GetString()));
        Assert.Equal(2, groups[1].GetProperty("number").GetInt32());

        // The note-taker link opens its group's pad as editor, with the template filled in; the audience link follows as viewer.
        var noteTakerToken = groups[0].GetProperty("noteTakerToken").GetString()!;
        Assert.Equal($"{baseUrl}/p/{noteTakerToken}", groups[0].GetProperty("noteTakerUrl").GetString());
        var padId = groups[0].GetProperty("padId").GetString()!;
        await using var noteTaker = await HubPadClient.ConnectAsync(_server.ServerAddress);
        var joined = await noteTaker.JoinAsync(padId, noteTakerToken);
        Assert.Equal("editor", joined.GetProperty("role").GetString());
        Assert.True(joined.GetProperty("canWrite").GetBoolean());
        Assert.Equal("# Group A\nOpen data?\n", joined.GetProperty("text").GetString());
        await using var audience = await HubPadClient.ConnectAsync(_server.ServerAddress);
        Assert.Equal("viewer", (await audience.JoinAsync(groups[1].GetProperty("padId").GetString()!, audienceToken)).GetProperty("role").GetString());
        await using var moderator = await HubPadClient.ConnectAsync(_server.ServerAddress);
        Assert.Equal("editor", (await moderator.JoinAsync(padId, moderatorToken)).GetProperty("role").GetString());

        noteTaker.Edit(text => PadHub.Core.Operations.TextOperation.ForInsert(text.Length, text.Length, "- point"));
        await Waits.UntilAsync(() => noteTaker.IsSynchronized && noteTaker.Revision == 1, Deadline, () => $"revision {noteTaker.Revision}");
        Assert.Empty(noteTaker.Errors);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadBody_Returns400ProblemDetailsNamingTheFieldAndCreatesNothing(string because, string body, string field)
    {
        var before = await _server.CountRowsAsync();
        using var request = Post(body);

        using var response = await _client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{because}: no error for '{field}' in {errors}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        Assert.Equal(before, await _server.CountRowsAsync());
    }

    [Fact]
    public async Task Post_SeveralBadFields_ListsThemAll()
    {
        using var request = Post("""{ "title": "", "groups": [ { "name": "", "topic": "T" } ], "phases": [ { "name": "P", "minutes": 0 } ] }""");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["groups[0].name", "phases[0].minutes", "title"], fields);
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415AndCreatesNothing()
    {
        var before = await _server.CountRowsAsync();
        using var request = Post(ValidBody);
        request.Content = new StringContent(ValidBody, Encoding.UTF8, "text/plain");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await _server.CountRowsAsync());
    }

    [Fact]
    public async Task Post_BodyTooLarge_Returns413AndCreatesNothing()
    {
        var before = await _server.CountRowsAsync();
        using var request = Post($$"""{ "title": "x", "description": "{{new string('d', (int)SessionApi.MaxBodyBytes)}}" }""");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await _server.CountRowsAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Post_MissingOrWrongKey_Returns401AndCreatesNothing(string? key)
    {
        var before = await _server.CountRowsAsync();
        using var request = Post(ValidBody, key);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await _server.CountRowsAsync());
    }

    [Fact]
    public async Task Post_NoteTakerLink_CannotOpenAnotherGroupsPad()
    {
        using var request = Post(ValidBody);
        using var response = await _client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToArray();
        await using var client = await HubPadClient.ConnectAsync(_server.ServerAddress);

        var refused = await Assert.ThrowsAsync<HubException>(
            () => client.JoinAsync(groups[1].GetProperty("padId").GetString()!, groups[0].GetProperty("noteTakerToken").GetString()!));

        Assert.Equal(PadErrorCodes.Forbidden, refused.ErrorCode());
    }

    [Fact]
    public async Task Post_ValidSession_ReturnsTheResultsLinkWhichResolvesToResults()
    {
        using var request = Post(ValidBody);

        using var response = await _client.SendAsync(request);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = json.RootElement;
        var resultsToken = body.GetProperty("resultsToken").GetString()!;
        Assert.Equal($"{_server.ServerAddress.GetLeftPart(UriPartial.Authority)}/r/{resultsToken}", body.GetProperty("resultsUrl").GetString());
        var access = await _server.Workshops().ResolveAsync(resultsToken);
        Assert.Equal(SessionRole.Results, access?.Role);
        await using var watch = await _server.Workshops().WatchAsync(resultsToken, _ => ValueTask.CompletedTask);
        Assert.Equal((SessionLicences.Default, false), (watch.Current.Licence, watch.Current.CreditContributors));
    }

    [Fact]
    public async Task Post_LicenceAndCredit_AreTheSessionsSettings()
    {
        using var request = Post("""{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "licence": "CC-BY-SA-4.0", "creditContributors": true }""");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        await using var watch = await _server.Workshops().WatchAsync(json.RootElement.GetProperty("moderatorToken").GetString()!, _ => ValueTask.CompletedTask);
        Assert.Equal(("CC-BY-SA-4.0", true), (watch.Current.Licence, watch.Current.CreditContributors));
    }

    [Fact]
    public async Task Post_UnknownLicence_MessageNamesTheAllowedIds()
    {
        using var request = Post("""{ "title": "x", "groups": [ { "name": "A", "topic": "T" } ], "licence": "GPL-3.0" }""");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = json.RootElement.GetProperty("errors").GetProperty("licence")[0].GetString()!;
        Assert.Contains("GPL-3.0", message, StringComparison.Ordinal);
        Assert.All(SessionLicences.All, l => Assert.Contains(l.Id, message, StringComparison.Ordinal));
    }

    private static HttpRequestMessage Post(string body, string? key = ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SessionApi.SessionsPath)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (key is not null)
        {
            request.Headers.Add(PadApi.ApiKeyHeader, key);
        }

        return request;
    }
}
