using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Pads.Watch;
using PadHub.Tests.Server.Hubs;
using PadHub.Tests.Server.Sessions;

namespace PadHub.Tests.Server.Api;

// POST /api/pads/{padId}/links/{edit|view} on a real server with real hub connections: the old link stops at once,
// open connections that used it are told and closed, the other link and its connections are untouched.
public sealed class PadLinkApiTests : IAsyncLifetime
{
    private const string ApiKey = "test-api-key-links-0123456789";

    private readonly PadHubServerFactory _server = new(new Dictionary<string, string?> { ["PadHub:ApiKey"] = ApiKey });
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _server.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ReplaceEditLink_OpenEditorIsRevokedAtOnce_OldTokenNotFound_NewTokenWorks()
    {
        var pad = await _server.CreatePadAsync("ab");
        var editor = await JoinAsync(pad.PadId, pad.EditToken);
        var viewer = await JoinAsync(pad.PadId, pad.ViewToken);
        Assert.Equal(1, (await SubmitAsync(editor, 1, 0, 2, "x")).GetProperty("revision").GetInt32());

        using var response = await PostAsync(pad.PadId, "edit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = json.RootElement;
        var token = body.GetProperty("token").GetString()!;
        Assert.Equal(pad.PadId, body.GetProperty("padId").GetString());
        Assert.Equal("edit", body.GetProperty("kind").GetString());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotEqual(pad.EditToken, token);
        Assert.Equal($"{_server.ServerAddress.GetLeftPart(UriPartial.Authority)}/p/{token}", body.GetProperty("url").GetString());

        // The very next call is refused, whether or not the event has arrived yet; then the event comes.
        var refused = await Assert.ThrowsAsync<HubException>(() => SubmitAsync(editor, 2, 1, 3, "y"));
        Assert.Equal(PadErrorCodes.Forbidden, refused.ErrorCode());
        var changed = await editor.NextAccessChangeAsync();
        Assert.True(changed.GetProperty("revoked").GetBoolean());
        Assert.False(changed.GetProperty("canWrite").GetBoolean());

        await using (var again = await HubPadClient.ConnectAsync(_server.ServerAddress))
        {
            var notFound = await Assert.ThrowsAsync<HubException>(() => again.JoinAsync(pad.PadId, pad.EditToken));
            Assert.Equal(PadErrorCodes.NotFound, notFound.ErrorCode());
        }

        var renewed = await JoinAsync(pad.PadId, token);
        Assert.Equal(2, (await SubmitAsync(renewed, 1, 1, 3, "z")).GetProperty("revision").GetInt32());

        // The view link and its connection are untouched.
        Assert.Equal(0, viewer.AccessChanges.Reader.Count);
        await viewer.Client.InvokeAsync("GetHistory", new { padId = pad.PadId, fromRevision = 0 }); // not refused
        await HubPadMember.DisposeAllAsync(editor, viewer, renewed);
    }

    [Fact]
    public async Task ReplaceViewLink_OpenViewerAndLiveViewStop_EditorGoesOn()
    {
        var pad = await _server.CreatePadAsync("ab");
        var editor = await JoinAsync(pad.PadId, pad.EditToken);
        var viewer = await JoinAsync(pad.PadId, pad.ViewToken);
        var watches = _server.Services.GetRequiredService<IPadWatchService>();
        await using var liveView = await watches.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask);

        using var response = await PostAsync(pad.PadId, "view");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("token").GetString()!;
        Assert.EndsWith($"/v/{token}", json.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
        var changed = await viewer.NextAccessChangeAsync();
        Assert.True(changed.GetProperty("revoked").GetBoolean());
        var refused = await Assert.ThrowsAsync<HubException>(() => viewer.Client.InvokeAsync("GetHistory", new { padId = pad.PadId, fromRevision = 0 }));
        Assert.Equal(PadErrorCodes.Forbidden, refused.ErrorCode());
        Assert.True(((PadWatch)liveView).Stopped);
        var watchRefused = await Assert.ThrowsAsync<PadException>(() => watches.WatchAsync(pad.ViewToken, pad.PadId, () => ValueTask.CompletedTask));
        Assert.Equal(PadErrorCodes.NotFound, watchRefused.Code);

        Assert.Equal(1, (await SubmitAsync(editor, 1, 0, 2, "x")).GetProperty("revision").GetInt32());
        Assert.Equal(0, editor.AccessChanges.Reader.Count);
        await using var renewedView = await watches.WatchAsync(token, pad.PadId, () => ValueTask.CompletedTask);
        await HubPadMember.DisposeAllAsync(editor, viewer);
    }

    [Theory]
    [InlineData("edit", null, HttpStatusCode.Unauthorized)]
    [InlineData("edit", "wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData("owner", ApiKey, HttpStatusCode.BadRequest)]
    [InlineData("EDIT", ApiKey, HttpStatusCode.BadRequest)]
    public async Task ReplaceLink_BadKeyOrKind_IsRefusedAndChangesNothing(string kind, string? key, HttpStatusCode expected)
    {
        var pad = await _server.CreatePadAsync("ab");

        using var response = await PostAsync(pad.PadId, kind, key);

        var problem = await PadApiTests.AssertProblemAsync(response, expected);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var editor = await JoinAsync(pad.PadId, pad.EditToken);
        await HubPadMember.DisposeAllAsync(editor);
    }

    [Fact]
    public async Task ReplaceLink_UnknownPadOrSessionPad_Returns404()
    {
        var session = await _server.CreateSessionAsync(groups: 1);

        using var unknown = await PostAsync(Guid.NewGuid().ToString("N"), "edit");
        using var sessionPad = await PostAsync(session.Groups[0].PadId, "view");

        await PadApiTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        await PadApiTests.AssertProblemAsync(sessionPad, HttpStatusCode.NotFound);
        var noteTaker = await JoinAsync(session.Groups[0].PadId, session.Groups[0].NoteTakerToken);
        await HubPadMember.DisposeAllAsync(noteTaker);
    }

    private async Task<HttpResponseMessage> PostAsync(string padId, string kind, string? key = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pads/{padId}/links/{kind}");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _http.SendAsync(request);
    }

    private Task<HubPadMember> JoinAsync(string padId, string token) => HubPadMember.JoinAsync(_server.ServerAddress, padId, token);

    private static Task<JsonElement> SubmitAsync(HubPadMember member, long seq, int baseRevision, int baseLength, string insert) =>
        member.Client.InvokeAsync("Submit", new { padId = member.PadId, clientId = member.Client.ClientId, seq, baseRevision, ops = new object[] { baseLength, insert } });
}
