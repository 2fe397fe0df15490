using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Hubs;

/// <summary>Every bad input is answered with its stable code and leaves the pad exactly as it was.</summary>
public sealed class PadSyncHubBadInputTests() : ServerTest(new PadHubServerFactory(Settings))
{
    private const string Text = "ab😀cd"; // 6 UTF-16 code units; offsets 3 lies inside the surrogate pair.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["PadHub:Limits:MaxPadLength"] = "36",
        ["PadHub:Limits:MaxOperationLength"] = "32",
        ["PadHub:Limits:MaxOperationComponents"] = "8",
    };

    private CreatedPad _pad = null!;
    private CreatedPad _otherPad = null!;
    private HubPadClient _editor = null!;
    private HubPadClient _viewer = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _pad = await Server.CreatePadAsync(Text);
        _otherPad = await Server.CreatePadAsync("other");
        _editor = await HubPadClient.ConnectAsync(Server.ServerAddress, "editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        await _editor.JoinAsync(_pad.PadId, _pad.EditToken);
        _viewer = await HubPadClient.ConnectAsync(Server.ServerAddress, "viewer-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        await _viewer.JoinAsync(_pad.PadId, _pad.ViewToken);

        // One committed operation, so stale and duplicate cases have a history to be measured against.
        await _editor.InvokeAsync("Submit", new { padId = _pad.PadId, clientId = "editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa", seq = 1, baseRevision = 0, ops = Ops(6, "!") });
    }

    public override async Task DisposeAsync()
    {
        await _editor.DisposeAsync();
        await _viewer.DisposeAsync();
        await base.DisposeAsync();
    }

    public static TheoryData<string, string, string> SubmitCases()
    {
        // (case name, request JSON with {pad} / {other} placeholders, expected code)
        return new TheoryData<string, string, string>
        {
            { "ops missing", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1}""", "invalid-op" },
            { "ops not an array", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":"abc"}""", "invalid-op" },
            { "ops an object", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":{"retain":7}}""", "invalid-op" },
            { "component null", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[7,null]}""", "invalid-op" },
            { "component boolean", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[7,true]}""", "invalid-op" },
            { "component fraction", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[6.5,"x",0.5]}""", "invalid-op" },
            { "component nested array", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[[7]]}""", "invalid-op" },
            { "zero retain", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[0,7]}""", "invalid-op" },
            { "empty insert", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":["",7]}""", "invalid-op" },
            { "retain too short", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[6,"x"]}""", "invalid-op" },
            { "retain too long", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[8,"x"]}""", "invalid-op" },
            { "delete past the end", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[5,-3]}""", "invalid-op" },
            { "huge retain", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[99999999999]}""", "invalid-op" },
            { "insert inside a surrogate pair", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[3,"x",4]}""", "invalid-op" },
            { "delete half a surrogate pair", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[2,-1,4]}""", "invalid-op" },
            { "carriage return", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[7,"a\r\nb"]}""", "invalid-op" },
            { "huge delete", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[7,-99999999999]}""", "invalid-op" },
            { "negative zero retain", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[-0,7]}""", "invalid-op" },
            { "seq zero", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":0,"baseRevision":1,"ops":[7,"x"]}""", "invalid-op" },
            { "seq a string", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":"2","baseRevision":1,"ops":[7,"x"]}""", "invalid-op" },
            { "baseRevision missing", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"ops":[7,"x"]}""", "invalid-op" },
            { "baseRevision a fraction", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":0.5,"ops":[7,"x"]}""", "invalid-op" },
            { "clientId missing", """{"padId":"{pad}","seq":2,"baseRevision":1,"ops":[7,"x"]}""", "invalid-op" },
            { "padId missing", """{"clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[7,"x"]}""", "invalid-op" },
            { "baseRevision ahead of head", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":5,"ops":[7,"x"]}""", "stale-revision" },
            { "baseRevision negative", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":-1,"ops":[6,"x"]}""", "stale-revision" },
            { "pad not joined", """{"padId":"{other}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":0,"ops":[5,"x"]}""", "forbidden" },
            { "someone else's clientId", """{"padId":"{pad}","clientId":"viewer-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[7,"x"]}""", "forbidden" },
            { "insert over the operation limit", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[7,"0123456789012345678901234567890123456789"]}""", "too-large" },
            { "too many components", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":["a",1,"b",1,"c",1,"d",1,"e",1,"f",2]}""", "too-large" },
            { "pad over its maximum length", """{"padId":"{pad}","clientId":"editor-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa","seq":2,"baseRevision":1,"ops":[7,"012345678901234567890123456789"]}""", "too-large" },
            { "clientId too long", """{"padId":"{pad}","clientId":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","seq":2,"baseRevision":1,"ops":[7,"x"]}""", "too-large" },
        };
    }

    [Theory]
    [MemberData(nameof(SubmitCases))]
    public async Task Submit_BadInput_ReturnsItsCodeAndLeavesThePadUnchanged(string name, string requestJson, string expectedCode)
    {
        // A JsonElement goes out as written, so malformed text (a lone surrogate escape) reaches the server as a hostile client would send it.
        using var document = JsonDocument.Parse(requestJson.Replace("{pad}", _pad.PadId, StringComparison.Ordinal).Replace("{other}", _otherPad.PadId, StringComparison.Ordinal));
        var request = document.RootElement.Clone();

        var error = await Assert.ThrowsAsync<HubException>(() => _editor.Connection.InvokeAsync<JsonElement>("Submit", request));

        Assert.True(expectedCode == error.ErrorCode(), $"{name}: expected {expectedCode}, got {error.Message}");
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Submit_ViewerToken_IsForbiddenAndLeavesThePadUnchanged()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => _viewer.InvokeAsync("Submit",
            new { padId = _pad.PadId, clientId = "viewer-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa", seq = 1, baseRevision = 1, ops = Ops(7, "x") }));

        Assert.Equal("forbidden", error.ErrorCode());
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Submit_NullArgument_IsInvalidOp()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => _editor.Connection.InvokeAsync<JsonElement>("Submit", (object?)null));

        Assert.Equal("invalid-op", error.ErrorCode());
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Join_UnknownToken_IsNotFound()
    {
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(_pad.PadId, "not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));

        Assert.Equal("not-found", error.ErrorCode());
    }

    [Fact]
    public async Task Join_TokenOfAnotherPad_IsForbidden()
    {
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(_pad.PadId, _otherPad.EditToken));

        Assert.Equal("forbidden", error.ErrorCode());
    }

    [Fact]
    public async Task Join_BadClientId_IsInvalidOp()
    {
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress, "has spaces!");

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(_pad.PadId, _pad.EditToken));

        Assert.Equal("invalid-op", error.ErrorCode());
    }

    [Fact]
    public async Task Join_DisplayNameTooLong_IsTooLarge()
    {
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(_pad.PadId, _pad.EditToken, new string('n', 65)));

        Assert.Equal("too-large", error.ErrorCode());
    }

    [Fact]
    public async Task GetHistory_FromAheadOfHead_IsStaleRevision()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => _editor.InvokeAsync("GetHistory", new { padId = _pad.PadId, fromRevision = 9 }));

        Assert.Equal("stale-revision", error.ErrorCode());
    }

    [Fact]
    public async Task GetHistory_PadNotJoined_IsForbidden()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => _editor.InvokeAsync("GetHistory", new { padId = _otherPad.PadId, fromRevision = 0 }));

        Assert.Equal("forbidden", error.ErrorCode());
    }

    [Fact]
    public async Task UpdateCaret_NegativeOffset_IsInvalidOp()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => _editor.Connection.InvokeAsync("UpdateCaret", new { padId = _pad.PadId, revision = 1, anchor = -1, head = 0 }));

        Assert.Equal("invalid-op", error.ErrorCode());
    }

    private async Task AssertUnchangedAsync()
    {
        var history = await _editor.InvokeAsync("GetHistory", new { padId = _pad.PadId, fromRevision = 0 });
        var operations = history.GetProperty("operations");
        Assert.Equal(1, operations.GetArrayLength());
        await using var probe = await HubPadClient.ConnectAsync(Server.ServerAddress);
        var joined = await probe.JoinAsync(_pad.PadId, _pad.ViewToken, "Probe");
        Assert.Equal(1, joined.GetProperty("revision").GetInt32());
        Assert.Equal(Text + "!", joined.GetProperty("text").GetString());
    }

    private static object[] Ops(params object[] components) => components;
}
