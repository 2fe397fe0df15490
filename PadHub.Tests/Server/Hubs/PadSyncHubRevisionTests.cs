using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace PadHub.Tests.Server.Hubs;

/// <summary>GetRevision and GetDiff through the real hub, on a pad with a snapshot every 5 revisions.</summary>
public sealed class PadSyncHubRevisionTests(ITestOutputHelper output) : ServerTest(new PadHubServerFactory(
    new Dictionary<string, string?>
    {
        ["PadHub:Authority:SnapshotInterval"] = "5",
        ["PadHub:Limits:RevisionCallBurst"] = "1000",
    }))
{
    [Fact]
    public async Task GetRevision_EveryRevisionOfATwoAuthorPad_IsTheTextAndAuthorshipAsWritten()
    {
        var (writer, members) = await WriteHistoryAsync(revisions: 43);
        var viewer = await HubPadMember.JoinAsync(Server.ServerAddress, members[0].PadId, _viewToken);

        // From revision 0 through eight snapshots to the head, three revisions past the last snapshot; as a viewer.
        var times = new List<DateTimeOffset>();
        for (var revision = 0; revision <= writer.Head; revision++)
        {
            var result = await viewer.Client.InvokeAsync("GetRevision", new { padId = viewer.PadId, revision });

            var (text, authors) = writer.Revisions[revision];
            Assert.Equal(revision, result.GetProperty("revision").GetInt32());
            Assert.Equal(text, result.GetProperty("text").GetString());
            Assert.Equal(authors, Expand(result.GetProperty("authors")));
            times.Add(result.GetProperty("time").GetDateTimeOffset());
        }

        Assert.Equal(times.Order(), times);
        Assert.True(await SnapshotCountAsync(viewer.PadId) >= 8, "the revisions were rebuilt across several snapshots");
        await HubPadMember.DisposeAllAsync([viewer, .. members]);
    }

    [Fact]
    public async Task GetDiff_BetweenRandomRevisions_PartsReproduceBothTextsWithTheirAuthors()
    {
        var (writer, members) = await WriteHistoryAsync(revisions: 30);
        var reader = members[0];

        foreach (var (from, to) in new[] { (0, writer.Head), (3, 17), (12, 12), (writer.Head - 1, writer.Head), (0, 0) })
        {
            var diff = await reader.Client.InvokeAsync("GetDiff", new { padId = reader.PadId, fromRevision = from, toRevision = to });

            var parts = diff.GetProperty("parts").EnumerateArray().Select(p =>
                (Kind: p.GetProperty("kind").GetString()!, Text: p.GetProperty("text").GetString()!, Author: p.GetProperty("authorId").GetString()!)).ToList();
            Assert.Equal((from, to), (diff.GetProperty("fromRevision").GetInt32(), diff.GetProperty("toRevision").GetInt32()));
            Assert.All(parts, p => Assert.Contains(p.Kind, Kinds));
            Assert.Equal(writer.Revisions[from].Text, string.Concat(parts.Where(p => p.Kind != "insert").Select(p => p.Text)));
            Assert.Equal(writer.Revisions[to].Text, string.Concat(parts.Where(p => p.Kind != "delete").Select(p => p.Text)));
            Assert.Equal(writer.Revisions[to].Authors, parts.Where(p => p.Kind != "delete").SelectMany(p => Enumerable.Repeat(p.Author, p.Text.Length)));
        }

        await HubPadMember.DisposeAllAsync([.. members]);
    }

    [Fact]
    public async Task GetRevisionAndGetDiff_OutOfRangeOrBackwards_AreRefusedWithCodes()
    {
        var (writer, members) = await WriteHistoryAsync(revisions: 3);
        var client = members[0].Client;
        var padId = members[0].PadId;

        var negative = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetRevision", new { padId, revision = -1 }));
        var ahead = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetRevision", new { padId, revision = writer.Head + 1 }));
        var diffAhead = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetDiff", new { padId, fromRevision = 0, toRevision = writer.Head + 1 }));
        var backwards = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetDiff", new { padId, fromRevision = 2, toRevision = 1 }));
        var missing = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetDiff", new { padId, fromRevision = 0 }));
        var notJoined = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("GetRevision", new { padId = "elsewhere", revision = 0 }));

        Assert.Equal(
            ["stale-revision", "stale-revision", "stale-revision", "invalid-op", "invalid-op", "forbidden"],
            new[] { negative, ahead, diffAhead, backwards, missing, notJoined }.Select(e => e.ErrorCode()));
        await HubPadMember.DisposeAllAsync([.. members]);
    }

    private static readonly string[] Kinds = ["equal", "insert", "delete"];
    private string _viewToken = "";

    private async Task<(RevisionHistoryWriter Writer, HubPadMember[] Members)> WriteHistoryAsync(int revisions)
    {
        var seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var pad = await Server.CreatePadAsync("start\n");
        _viewToken = pad.ViewToken;
        var members = new[]
        {
            await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken),
            await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken),
        };
        var writer = new RevisionHistoryWriter(new Random(seed), "start\n");
        await writer.WriteAsync(members, revisions);
        return (writer, members);
    }

    // Revision 0's and one every 5 revisions (the one at the head may still be on its way).
    private async Task<long> SnapshotCountAsync(string padId)
    {
        await using var connection = new SqliteConnection($"Data Source={Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Snapshots WHERE PadId = $pad";
        command.Parameters.AddWithValue("$pad", padId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string[] Expand(JsonElement authors) =>
        [.. authors.EnumerateArray().SelectMany(run => Enumerable.Repeat(run[1].GetString()!, run[0].GetInt32()))];
}
