using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;
using PadHub.Tests.Fakes;
using PadHub.Tests.Server.Hubs;

namespace PadHub.Tests.Server.Sessions;

// The outputs on the pad path, through the real /hubs/pad hub: the results link only ever reads, and ending the session
// locks every pad after whatever was queued, recording exactly the revisions that were acknowledged.
public sealed class SessionOutputsPadAccessTests() : ServerTest(new PadHubServerFactory())
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Join_ResultsLink_IsAViewerWhateverTheAudienceMayDo(bool audienceCanEdit)
    {
        var created = await Server.CreateSessionAsync(groups: 2, audienceCanEdit: audienceCanEdit);

        var results = await HubPadMember.JoinAsync(Server.ServerAddress, created.Groups[1].PadId, created.ResultsToken);

        Assert.Equal(("viewer", false), (results.Joined.GetProperty("role").GetString(), results.Joined.GetProperty("canWrite").GetBoolean()));
        Assert.Equal("The results link only allows reading the pads.", results.Joined.GetProperty("reason").GetString());
        var refused = await Assert.ThrowsAsync<HubException>(() => SubmitAsync(results, 1, 0, "x"));
        Assert.Equal(PadErrorCodes.Forbidden, refused.ErrorCode());
        await HubPadMember.DisposeAllAsync(results);
    }

    [Fact]
    public async Task Connect_ResultsLinkWithoutPadIdOrOnAnotherSessionsPad_IsRefused()
    {
        var created = await Server.CreateSessionAsync(groups: 1, audienceCanEdit: true);
        var other = await Server.CreateSessionAsync(groups: 1);
        var sessions = Server.Services.GetRequiredServiceOf<IPadSessionService>();

        await SessionTestHelpers.RefusedAsync(
            () => sessions.ConnectAsync(new PadJoinRequest(created.ResultsToken, TestClientIds.For("client-1"), "Ada"), NullPadListener.Instance),
            PadErrorCodes.InvalidOp);
        await SessionTestHelpers.RefusedAsync(
            () => sessions.ConnectAsync(new PadJoinRequest(created.ResultsToken, TestClientIds.For("client-1"), "Ada", other.Groups[0].PadId), NullPadListener.Instance),
            PadErrorCodes.Forbidden);
        await using var connection = await sessions.ConnectAsync(
            new PadJoinRequest(created.ResultsToken, TestClientIds.For("client-1"), "Ada", created.Groups[0].PadId), NullPadListener.Instance);
        Assert.Equal(new PadAccessState(PadRole.Viewer, false, "The results link only allows reading the pads."), connection.Joined.EffectiveAccess);
    }

    [Fact]
    public async Task Watch_ResultsLink_FollowsEveryPadOfItsSessionOnly()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var other = await Server.CreateSessionAsync(groups: 1);
        var watches = Server.Services.GetRequiredServiceOf<IPadWatchService>();

        foreach (var group in created.Groups)
        {
            await using var watch = await watches.WatchAsync(created.ResultsToken, group.PadId, () => ValueTask.CompletedTask);
            Assert.Equal(group.PadId, watch.Current.PadId);
        }

        await SessionTestHelpers.RefusedAsync(
            () => watches.WatchAsync(created.ResultsToken, other.Groups[0].PadId, () => ValueTask.CompletedTask), PadErrorCodes.Forbidden);
    }

    [Fact]
    public async Task EndSession_OpenEditorsAreToldTheSessionEnded_ReopenRestoresWriting()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var noteTaker = await HubPadMember.JoinAsync(Server.ServerAddress, created.Groups[0].PadId, created.Groups[0].NoteTakerToken);

        await Server.Workshops().EndSessionAsync(created.ModeratorToken);

        var ended = await NextAccessWhereAsync(noteTaker, e => e.GetProperty("reason").GetString() == "The session has ended.");
        Assert.False(ended.GetProperty("canWrite").GetBoolean());
        var refused = await Assert.ThrowsAsync<HubException>(() => SubmitAsync(noteTaker, noteTaker.Seq++, 0, "x"));
        Assert.Equal(PadErrorCodes.Forbidden, refused.ErrorCode());

        await Server.Workshops().ReopenSessionAsync(created.ModeratorToken);

        await NextAccessWhereAsync(noteTaker, e => e.GetProperty("canWrite").GetBoolean());
        Assert.Equal(1, (await SubmitAsync(noteTaker, noteTaker.Seq++, 0, "y")).GetProperty("revision").GetInt32());
        await HubPadMember.DisposeAllAsync(noteTaker);
    }

    [Fact]
    public async Task EndSession_WhileEveryoneTypes_RecordsExactlyTheAcknowledgedRevisionsAndNothingCommitsAfter()
    {
        const int Writers = 4;
        var created = await Server.CreateSessionAsync(groups: 2);
        var pad = created.Groups[0].PadId;
        var members = new HubPadMember[Writers];
        for (var i = 0; i < Writers; i++)
        {
            members[i] = await HubPadMember.JoinAsync(Server.ServerAddress, pad, i % 2 == 0 ? created.Groups[0].NoteTakerToken : created.ModeratorToken);
        }

        var acknowledged = new int[Writers];
        var highest = new int[Writers];
        var typing = members.Select((member, i) => Task.Run(async () =>
        {
            // Each writer types until refused: every submission is acknowledged (committed) or refused, never lost.
            while (true)
            {
                try
                {
                    var revision = (await SubmitAsync(member, member.Seq++, highest[i], "x")).GetProperty("revision").GetInt32();
                    Interlocked.Increment(ref acknowledged[i]);
                    highest[i] = revision;
                }
                catch (HubException refused) when (refused.ErrorCode() == PadErrorCodes.Forbidden)
                {
                    return;
                }
            }
        })).ToArray();
        await Waits.UntilAsync(() => acknowledged.Sum() >= 20, Deadline, () => $"{acknowledged.Sum()} acknowledged");

        await Server.Workshops().EndSessionAsync(created.ModeratorToken);
        await Task.WhenAll(typing).WaitAsync(Deadline);

        await using var watch = await Server.Workshops().WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
        var recorded = watch.Current.Ended!.Pads;
        Assert.Equal([pad, created.Groups[1].PadId], recorded.Select(p => p.PadId));
        Assert.Equal(acknowledged.Sum(), recorded[0].Revision);
        Assert.All(highest, h => Assert.True(h <= recorded[0].Revision, $"acknowledged revision {h} after the recorded {recorded[0].Revision}"));
        Assert.Equal(0, recorded[1].Revision);
        var stored = await Server.Services.GetRequiredService<IPadStore>().LoadAsync(pad);
        Assert.Equal(recorded[0].Revision, stored!.Revisions.Count == 0 ? stored.Snapshot.Revision : stored.Revisions[^1].Operation.Revision);
        await HubPadMember.DisposeAllAsync(members);
    }

    /// <summary>Inserts at the end of the pad as it was at <paramref name="baseRevision"/> (every commit here inserts one character; the server rebases it).</summary>
    private static Task<JsonElement> SubmitAsync(HubPadMember member, long seq, int baseRevision, string insert) =>
        member.Client.InvokeAsync("Submit", new { padId = member.PadId, clientId = member.Client.ClientId, seq, baseRevision, ops = new object[] { member.InitialLength + baseRevision, insert } });

    private static async Task<JsonElement> NextAccessWhereAsync(HubPadMember member, Func<JsonElement, bool> wanted)
    {
        while (true)
        {
            var change = await member.NextAccessChangeAsync();
            if (wanted(change))
            {
                return change;
            }
        }
    }
}
