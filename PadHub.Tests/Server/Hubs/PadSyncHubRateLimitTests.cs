using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PadHub.Tests.Server.Hubs;

/// <summary>Join, GetHistory and the revision calls are rate-limited per SignalR connection, across every pad it joins, like Submit.</summary>
public sealed class PadSyncHubRateLimitTests()
    // Burst 2, one a second, on a clock that stands still: exactly two calls get through, however slow the machine.
    : ServerTest(new PadHubServerFactory(
        new Dictionary<string, string?>
        {
            ["PadHub:Limits:HistoryPagesPerSecond"] = "1",
            ["PadHub:Limits:HistoryBurst"] = "2",
            ["PadHub:Limits:JoinsPerSecond"] = "1",
            ["PadHub:Limits:JoinBurst"] = "2",
            ["PadHub:Limits:RevisionCallsPerSecond"] = "1",
            ["PadHub:Limits:RevisionCallBurst"] = "2",
        },
        configureServices: services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)))))
{
    [Fact]
    public async Task GetHistory_OnTwoPadsOfOneConnectionBeyondTheBurst_IsRateLimited()
    {
        var first = await Server.CreatePadAsync("a");
        var second = await Server.CreatePadAsync("b");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await client.JoinAsync(first.PadId, first.ViewToken);
        await client.InvokeAsync("GetHistory", new { padId = first.PadId, fromRevision = 0 });
        await client.Connection.InvokeAsync("Leave", new { padId = first.PadId });
        await client.JoinAsync(second.PadId, second.ViewToken);

        // The second pad's own membership has read once: only the connection's budget is spent.
        await client.InvokeAsync("GetHistory", new { padId = second.PadId, fromRevision = 0 });
        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetHistory", new { padId = second.PadId, fromRevision = 0 }));

        Assert.Equal("rate-limited", error.ErrorCode());
    }

    [Fact]
    public async Task RevisionCalls_OnTwoPadsOfOneConnectionBeyondTheBurst_AreRateLimitedAndNameNothing()
    {
        var first = await Server.CreatePadAsync("a");
        var second = await Server.CreatePadAsync("b");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await client.JoinAsync(first.PadId, first.EditToken);
        await client.JoinAsync(second.PadId, second.EditToken);
        await client.InvokeAsync("GetRevision", new { padId = first.PadId, revision = 0 });
        await client.InvokeAsync("GetDiff", new { padId = second.PadId, fromRevision = 0, toRevision = 0 });

        var name = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("NameRevision", new { padId = second.PadId, revision = 0, name = "v1" }));
        var list = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetNamedRevisions", new { padId = first.PadId }));

        Assert.Equal(("rate-limited", "rate-limited"), (name.ErrorCode(), list.ErrorCode()));
        var store = Server.Services.GetRequiredService<PadHub.Server.Persistence.IPadStore>();
        Assert.Empty(await store.GetNamedRevisionsAsync(second.PadId));
    }

    [Fact]
    public async Task RestoreRevision_BeyondTheRevisionCallBurst_IsRateLimitedAndCommitsNothing()
    {
        var pad = await Server.CreatePadAsync("a");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await client.JoinAsync(pad.PadId, pad.EditToken);
        await client.InvokeAsync("Submit", new { padId = pad.PadId, clientId = client.ClientId, seq = 1, baseRevision = 0, ops = new object[] { 1, "b" } });
        await client.InvokeAsync("GetRevision", new { padId = pad.PadId, revision = 0 });
        await client.InvokeAsync("GetNamedRevisions", new { padId = pad.PadId });

        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("RestoreRevision", new { padId = pad.PadId, revision = 0 }));

        Assert.Equal("rate-limited", error.ErrorCode());
        var history = await client.InvokeAsync("GetHistory", new { padId = pad.PadId, fromRevision = 0 });
        Assert.Equal(1, history.GetProperty("headRevision").GetInt32());
    }

    [Fact]
    public async Task Join_ThirdPadInABurstOfTwo_IsRateLimitedAndJoinsNothing()
    {
        var pads = new[] { await Server.CreatePadAsync("a"), await Server.CreatePadAsync("b"), await Server.CreatePadAsync("c") };
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await client.JoinAsync(pads[0].PadId, pads[0].EditToken);
        await client.JoinAsync(pads[1].PadId, pads[1].EditToken);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(pads[2].PadId, pads[2].EditToken));
        var history = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetHistory", new { padId = pads[2].PadId, fromRevision = 0 }));

        Assert.Equal("rate-limited", error.ErrorCode());
        Assert.Equal("forbidden", history.ErrorCode()); // not joined
    }
}
