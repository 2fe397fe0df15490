using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Hubs;

/// <summary>
/// Issue 10, point 2, over real connections: nothing the hub sends names another participant's client id, and a client
/// id cannot be taken over with another kind of link (the reported attack: the victim's acknowledged seq 1 lost and its
/// next seq refused).
/// </summary>
public sealed class PadSyncHubIdentityTests() : ServerTest(new PadHubServerFactory())
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Events_SeenByACoEditor_NeverContainTheOtherParticipantsClientId()
    {
        var pad = await Server.CreatePadAsync("abc");
        await using var observer = await HubPadClient.ConnectAsync(Server.ServerAddress);
        var seen = new List<string>();
        var gotOp = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gotCaret = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gotPresence = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        observer.Connection.On<JsonElement>("OpApplied", e => { lock (seen) { seen.Add(e.GetRawText()); } gotOp.TrySetResult(e); });
        observer.Connection.On<JsonElement>("CaretMoved", e => { lock (seen) { seen.Add(e.GetRawText()); } gotCaret.TrySetResult(e); });
        observer.Connection.On<JsonElement>("PresenceChanged", e =>
        {
            lock (seen)
            {
                seen.Add(e.GetRawText());
            }

            if (e.GetProperty("participants").GetArrayLength() == 2)
            {
                gotPresence.TrySetResult(e);
            }
        });
        seen.Add((await observer.JoinAsync(pad.PadId, pad.EditToken, "Observer")).GetRawText());
        await using var victim = await HubPadClient.ConnectAsync(Server.ServerAddress);
        var victimJoin = await victim.JoinAsync(pad.PadId, pad.EditToken, "Victim");

        await victim.InvokeAsync("Submit", new { padId = pad.PadId, clientId = victim.ClientId, seq = 1, baseRevision = 0, ops = new object[] { 3, "!" } });
        await victim.Connection.InvokeAsync("UpdateCaret", new { padId = pad.PadId, revision = 1, anchor = 4, head = 4 });
        var applied = await gotOp.Task.WaitAsync(Deadline);
        var caret = await gotCaret.Task.WaitAsync(Deadline);
        var presence = await gotPresence.Task.WaitAsync(Deadline);
        seen.Add((await observer.InvokeAsync("GetHistory", new { padId = pad.PadId, fromRevision = 0 })).GetRawText());

        lock (seen)
        {
            Assert.All(seen, payload => Assert.DoesNotContain(victim.ClientId, payload, StringComparison.Ordinal));
        }

        Assert.Equal(victimJoin.GetProperty("clientTag").GetString(), applied.GetProperty("clientTag").GetString());
        Assert.Equal(victimJoin.GetProperty("participantId").GetString(), caret.GetProperty("participantId").GetString());
        Assert.Contains(presence.GetProperty("participants").EnumerateArray(),
            p => p.GetProperty("participantId").GetString() == victimJoin.GetProperty("participantId").GetString());
    }

    [Fact]
    public async Task Join_ViewLinkWithTheVictimsClientId_IsRefusedAndTheVictimLosesNothing()
    {
        var pad = await Server.CreatePadAsync("abc");
        await using var victim = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await victim.JoinAsync(pad.PadId, pad.EditToken, "Victim");
        var first = await victim.InvokeAsync("Submit", new { padId = pad.PadId, clientId = victim.ClientId, seq = 1, baseRevision = 0, ops = new object[] { 3, "1" } });

        // The attacker somehow learnt the id (the server never sends it) and holds the pad's view link.
        await using var attacker = await HubPadClient.ConnectAsync(Server.ServerAddress, victim.ClientId);
        var refused = await Assert.ThrowsAsync<HubException>(() => attacker.JoinAsync(pad.PadId, pad.ViewToken, "Mallory"));
        var second = await victim.InvokeAsync("Submit", new { padId = pad.PadId, clientId = victim.ClientId, seq = 2, baseRevision = 1, ops = new object[] { 4, "2" } });
        var attackerSubmit = await Assert.ThrowsAsync<HubException>(() =>
            attacker.InvokeAsync("Submit", new { padId = pad.PadId, clientId = victim.ClientId, seq = 3, baseRevision = 2, ops = new object[] { 5, "X" } }));

        Assert.Equal("forbidden", refused.ErrorCode());
        Assert.Equal("forbidden", attackerSubmit.ErrorCode()); // it never joined the pad
        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        await using var probe = await HubPadClient.ConnectAsync(Server.ServerAddress);
        var joined = await probe.JoinAsync(pad.PadId, pad.ViewToken, "Probe");
        Assert.Equal("abc12", joined.GetProperty("text").GetString());
        var authors = await Server.Services.GetRequiredService<IPadStore>().GetAuthorsAsync([victim.AuthorId!]);
        Assert.Equal(["Victim"], authors.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task Join_SameNewClientIdWithAnEditAndAViewLinkAtOnce_OnlyOneGetsIn()
    {
        var pad = await Server.CreatePadAsync("abc");
        var clientId = Guid.NewGuid().ToString("N");
        await using var asEditor = await HubPadClient.ConnectAsync(Server.ServerAddress, clientId);
        await using var asViewer = await HubPadClient.ConnectAsync(Server.ServerAddress, clientId);

        var joins = new[] { asEditor.JoinAsync(pad.PadId, pad.EditToken), asViewer.JoinAsync(pad.PadId, pad.ViewToken) };
        var refusals = new List<HubException>();
        foreach (var join in joins)
        {
            try
            {
                await join;
            }
            catch (HubException ex)
            {
                refusals.Add(ex);
            }
        }

        Assert.Equal("forbidden", Assert.Single(refusals).ErrorCode());
    }

    [Fact]
    public async Task Join_Result_HasParticipantIdAndClientTagButNotTheClientId()
    {
        var pad = await Server.CreatePadAsync("abc");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);

        var joined = await client.JoinAsync(pad.PadId, pad.EditToken);

        Assert.StartsWith("p-", joined.GetProperty("participantId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("t-", joined.GetProperty("clientTag").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(client.ClientId, joined.GetRawText(), StringComparison.Ordinal);
    }
}
