using Microsoft.AspNetCore.SignalR;

namespace PadHub.Tests.Server.Hubs;

/// <summary>A restore past its bounds (the work of composing the revisions since, an operation's size) is too-large and commits nothing.</summary>
public sealed class PadSyncHubRestoreLimitTests() : ServerTest(new PadHubServerFactory(
    new Dictionary<string, string?>
    {
        ["PadHub:Limits:RevisionCallBurst"] = "1000",
        ["PadHub:Limits:MaxRestoreWork"] = "1000",
        ["PadHub:Limits:MaxOperationLength"] = "50",
        ["PadHub:Limits:SubmitBurst"] = "1000",
    }))
{
    [Fact]
    public async Task RestoreRevision_InsertingMoreThanAnOperationMay_IsTooLargeAndCommitsNothing()
    {
        var pad = await Server.CreatePadAsync(new string('x', 80));
        var writer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        await writer.Client.InvokeAsync("Submit", new { padId = pad.PadId, clientId = writer.Client.ClientId, seq = 1, baseRevision = 0, ops = new object[] { -80 } });

        var refused = await Assert.ThrowsAsync<HubException>(() => writer.Client.InvokeAsync("RestoreRevision", new { padId = pad.PadId, revision = 0 }));

        Assert.Equal("too-large", refused.ErrorCode());
        Assert.Equal(1, await HeadAsync(writer));
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task RestoreRevision_PastTheRestoreWork_IsTooLargeWhileARecentRevisionStillRestores()
    {
        var pad = await Server.CreatePadAsync();
        var writer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        const int revisions = 300;
        for (var revision = 0; revision < revisions; revision++)
        {
            // Each keystroke in the middle of the text: three components that never merge away.
            await writer.Client.InvokeAsync("Submit", new
            {
                padId = pad.PadId, clientId = writer.Client.ClientId, seq = writer.Seq++, baseRevision = revision,
                ops = revision == 0 ? new object[] { "ab" } : [1, "x", revision],
            });
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => writer.Client.InvokeAsync("RestoreRevision", new { padId = pad.PadId, revision = 1 }));
        var recent = await writer.Client.InvokeAsync("RestoreRevision", new { padId = pad.PadId, revision = revisions - 3 });

        Assert.Equal("too-large", refused.ErrorCode());
        Assert.Equal(revisions + 1, recent.GetProperty("revision").GetInt32());
        await writer.DisposeAsync();
    }

    private static async Task<int> HeadAsync(HubPadMember member) =>
        (await member.Client.InvokeAsync("GetHistory", new { padId = member.PadId, fromRevision = 0 })).GetProperty("headRevision").GetInt32();
}
