using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Tests.Fakes;
using PadHub.Tests.Server.Hubs;

namespace PadHub.Tests.Server.Sessions;

// Session links on the pad path, through the real /hubs/pad hub: who may join which pad, who may write, and how a lock,
// an unlock or a regenerated link reaches open connections at once.
public sealed class SessionPadAccessTests() : ServerTest(new PadHubServerFactory())
{
    [Fact]
    public async Task Join_EachLink_GetsTheRoleAndWriteAccessItGrants()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var pad = created.Groups[0].PadId;

        var moderator = await JoinAsync(created.ModeratorToken, pad);
        var noteTaker = await JoinAsync(created.Groups[0].NoteTakerToken, pad);
        var audience = await JoinAsync(created.AudienceToken, pad);

        Assert.Equal(("editor", true), (moderator.Joined.GetProperty("role").GetString(), moderator.Joined.GetProperty("canWrite").GetBoolean()));
        Assert.Equal(("editor", true), (noteTaker.Joined.GetProperty("role").GetString(), noteTaker.Joined.GetProperty("canWrite").GetBoolean()));
        Assert.Equal(("viewer", false), (audience.Joined.GetProperty("role").GetString(), audience.Joined.GetProperty("canWrite").GetBoolean()));
        Assert.Contains("only allows following", audience.Joined.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await HubPadMember.DisposeAllAsync(moderator, noteTaker, audience);
    }

    [Fact]
    public async Task SubmitAndUpdateCaret_AudienceWhenTheSessionDoesNotAllowIt_AreForbidden()
    {
        var created = await Server.CreateSessionAsync(groups: 1, audienceCanEdit: false);
        var audience = await JoinAsync(created.AudienceToken, created.Groups[0].PadId);

        await AssertForbiddenAsync(() => SubmitAsync(audience, 1, "x"));
        await AssertForbiddenAsync(() => CaretAsync(audience));
        await HubPadMember.DisposeAllAsync(audience);
    }

    [Fact]
    public async Task Submit_AudienceWhenTheSessionAllowsIt_IsCommitted()
    {
        var created = await Server.CreateSessionAsync(groups: 1, audienceCanEdit: true);
        var audience = await JoinAsync(created.AudienceToken, created.Groups[0].PadId);

        var result = await SubmitAsync(audience, 1, "x");

        Assert.Equal(1, result.GetProperty("revision").GetInt32());
        Assert.Equal("editor", audience.Joined.GetProperty("role").GetString());
        await HubPadMember.DisposeAllAsync(audience);
    }

    [Fact]
    public async Task Join_NoteTakerOnAnotherGroupsPad_IsForbidden()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);

        var refused = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(created.Groups[1].PadId, created.Groups[0].NoteTakerToken));

        Assert.Equal(PadErrorCodes.Forbidden, refused.ErrorCode());
    }

    [Fact]
    public async Task Join_SessionLinkOnAPadOutsideTheSession_IsForbidden()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var other = await Server.CreateSessionAsync(groups: 1);
        var standalone = await Server.CreatePadAsync("x");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);

        foreach (var padId in new[] { other.Groups[0].PadId, standalone.PadId })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(padId, created.ModeratorToken));
            Assert.Equal(PadErrorCodes.Forbidden, refused.ErrorCode());
        }
    }

    [Fact]
    public async Task Connect_NoteTakerWithoutPadId_OpensItsGroupsPad()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var sessions = Server.Services.GetRequiredServiceOf<IPadSessionService>();

        await using var connection = await sessions.ConnectAsync(new PadJoinRequest(created.Groups[1].NoteTakerToken, TestClientIds.For("client-1"), "Ada"), NullPadListener.Instance);

        Assert.Equal(created.Groups[1].PadId, connection.Joined.PadId);
        Assert.Equal(created.SessionId, connection.Joined.SessionId);
        Assert.Equal(new PadAccessState(PadRole.Editor, true, null), connection.Joined.EffectiveAccess);
    }

    [Theory]
    [InlineData(SessionRole.Moderator)]
    [InlineData(SessionRole.Audience)]
    public async Task Connect_SessionWideLinkWithoutPadId_IsInvalidOp(SessionRole role)
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var sessions = Server.Services.GetRequiredServiceOf<IPadSessionService>();
        var token = role == SessionRole.Moderator ? created.ModeratorToken : created.AudienceToken;

        var refused = await SessionTestHelpers.RefusedAsync(
            () => sessions.ConnectAsync(new PadJoinRequest(token, TestClientIds.For("client-1"), "Ada"), NullPadListener.Instance), PadErrorCodes.InvalidOp);

        Assert.Contains("padId", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lock_ForbidsEveryoneIncludingTheModeratorAndPushesAccessChanged_UnlockRestores()
    {
        var created = await Server.CreateSessionAsync(groups: 1, audienceCanEdit: true);
        var pad = created.Groups[0].PadId;
        var moderator = await JoinAsync(created.ModeratorToken, pad);
        var noteTaker = await JoinAsync(created.Groups[0].NoteTakerToken, pad);
        var audience = await JoinAsync(created.AudienceToken, pad);
        var all = new[] { moderator, noteTaker, audience };

        await Server.Workshops().SetLockedAsync(created.ModeratorToken, true);

        foreach (var member in all)
        {
            var changed = await member.NextAccessChangeAsync();
            Assert.False(changed.GetProperty("canWrite").GetBoolean());
            Assert.False(changed.GetProperty("revoked").GetBoolean());
            Assert.Equal("editor", changed.GetProperty("role").GetString());
            Assert.Equal(pad, changed.GetProperty("padId").GetString());
            Assert.Equal("The moderator locked the pads.", changed.GetProperty("reason").GetString());
            var refused = await AssertForbiddenAsync(() => SubmitAsync(member, member.Seq++, "x"));
            Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
            await AssertForbiddenAsync(() => CaretAsync(member));
        }

        await Server.Workshops().SetLockedAsync(created.ModeratorToken, false);

        var revision = 0;
        foreach (var member in all)
        {
            var changed = await member.NextAccessChangeAsync();
            Assert.True(changed.GetProperty("canWrite").GetBoolean());
            Assert.Equal(JsonValueKind.Null, changed.GetProperty("reason").ValueKind);
            revision = (await SubmitAsync(member, member.Seq++, "x", revision)).GetProperty("revision").GetInt32();
        }

        Assert.Equal(3, revision);
        await HubPadMember.DisposeAllAsync(all);
    }

    [Fact]
    public async Task Join_LockedSessionPad_SaysItCannotWriteAndWhy()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        await Server.Workshops().SetLockedAsync(created.ModeratorToken, true);

        var noteTaker = await JoinAsync(created.Groups[0].NoteTakerToken, created.Groups[0].PadId);

        Assert.Equal("editor", noteTaker.Joined.GetProperty("role").GetString());
        Assert.False(noteTaker.Joined.GetProperty("canWrite").GetBoolean());
        Assert.Equal("The moderator locked the pads.", noteTaker.Joined.GetProperty("reason").GetString());
        await HubPadMember.DisposeAllAsync(noteTaker);
    }

    [Fact]
    public async Task RegenerateLink_OpenConnectionIsRevokedAtOnce_NewJoinNotFound_NewTokenWorks()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var pad = created.Groups[0].PadId;
        var old = await JoinAsync(created.Groups[0].NoteTakerToken, pad);
        var bystander = await JoinAsync(created.Groups[1].NoteTakerToken, created.Groups[1].PadId);
        Assert.Equal(1, (await SubmitAsync(old, old.Seq++, "a")).GetProperty("revision").GetInt32());

        var fresh = await Server.Workshops().RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.NoteTaker, created.Groups[0].GroupId);

        // The very next call is refused, whether or not the event has arrived yet.
        await AssertForbiddenAsync(() => SubmitAsync(old, old.Seq++, "b", 1));
        var changed = await old.NextAccessChangeAsync();
        Assert.True(changed.GetProperty("revoked").GetBoolean());
        Assert.False(changed.GetProperty("canWrite").GetBoolean());
        await AssertForbiddenAsync(() => CaretAsync(old));

        await using (var again = await HubPadClient.ConnectAsync(Server.ServerAddress))
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => again.JoinAsync(pad, created.Groups[0].NoteTakerToken));
            Assert.Equal(PadErrorCodes.NotFound, refused.ErrorCode());
        }

        var renewed = await JoinAsync(fresh, pad);
        Assert.Equal(2, (await SubmitAsync(renewed, 1, "c", 1, renewed.InitialLength)).GetProperty("revision").GetInt32());

        // The revoked connection itself may join again with the new link.
        old.Joined = await old.Client.JoinAsync(pad, fresh);
        Assert.True(old.Joined.GetProperty("canWrite").GetBoolean());

        // The other group's note-taker was not touched.
        Assert.Equal(1, (await SubmitAsync(bystander, bystander.Seq++, "z")).GetProperty("revision").GetInt32());
        Assert.Equal(0, bystander.AccessChanges.Reader.Count);
        await HubPadMember.DisposeAllAsync(old, bystander, renewed);
    }

    [Fact]
    public async Task StandalonePad_WithAPadIdThatIsNotItsOwn_IsForbidden()
    {
        var pad = await Server.CreatePadAsync("x");
        var other = await Server.CreatePadAsync("y");
        var sessions = Server.Services.GetRequiredServiceOf<IPadSessionService>();

        await SessionTestHelpers.RefusedAsync(
            () => sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("client-1"), "Ada", other.PadId), NullPadListener.Instance), PadErrorCodes.Forbidden);
        await using var connection = await sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("client-1"), "Ada", pad.PadId), NullPadListener.Instance);
        Assert.Null(connection.Joined.SessionId);
        Assert.Null(connection.Joined.Access);
    }

    private Task<HubPadMember> JoinAsync(string token, string padId) => HubPadMember.JoinAsync(Server.ServerAddress, padId, token);

    /// <summary>Inserts at the end of the pad as it was at <paramref name="baseRevision"/> (every commit here inserts one character).</summary>
    private static Task<JsonElement> SubmitAsync(HubPadMember member, long seq, string insert, int baseRevision = 0, int? baseLength = null) =>
        member.Client.InvokeAsync("Submit", new { padId = member.PadId, clientId = member.Client.ClientId, seq, baseRevision, ops = new object[] { baseLength ?? (member.InitialLength + baseRevision), insert } });

    private static Task CaretAsync(HubPadMember member) =>
        member.Client.Connection.InvokeAsync("UpdateCaret", new { padId = member.PadId, revision = 0, anchor = 0, head = 0 });

    private static async Task<HubException> AssertForbiddenAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<HubException>(call);
        Assert.Equal(PadErrorCodes.Forbidden, refused.ErrorCode());
        return refused;
    }
}
