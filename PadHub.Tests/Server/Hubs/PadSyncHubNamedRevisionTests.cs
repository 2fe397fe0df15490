using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using PadHub.Tests.Server.Sessions;

namespace PadHub.Tests.Server.Hubs;

/// <summary>NameRevision and GetNamedRevisions through the real hub: who may name, what a name may be, how many.</summary>
public sealed class PadSyncHubNamedRevisionTests() : ServerTest(new PadHubServerFactory(
    new Dictionary<string, string?> { ["PadHub:Limits:RevisionCallBurst"] = "1000" }))
{
    [Fact]
    public async Task NameRevision_Editor_IsListedInRevisionOrderWithItsAuthorAndARenameReplacesIt()
    {
        var (editor, viewer) = await JoinPadWithRevisionsAsync(3);

        var named = await NameAsync(editor, 3, "  before conclusions ");
        await NameAsync(editor, 0, "start");
        await NameAsync(editor, 3, "conclusions draft");
        var list = await viewer.Client.InvokeAsync("GetNamedRevisions", new { padId = viewer.PadId });

        Assert.Equal((3, "before conclusions", editor.Client.AuthorId), (named.GetProperty("revision").GetInt32(), named.GetProperty("name").GetString(), named.GetProperty("authorId").GetString()));
        Assert.True(named.GetProperty("time").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Equal(
            [(0, "start"), (3, "conclusions draft")],
            list.GetProperty("namedRevisions").EnumerateArray().Select(n => (n.GetProperty("revision").GetInt32(), n.GetProperty("name").GetString())));
        await HubPadMember.DisposeAllAsync(editor, viewer);
    }

    [Fact]
    public async Task NameRevision_Viewer_IsForbiddenAndNamesNothing()
    {
        var (editor, viewer) = await JoinPadWithRevisionsAsync(1);

        var refused = await Assert.ThrowsAsync<HubException>(() => NameAsync(viewer, 1, "mine"));

        Assert.Equal("forbidden", refused.ErrorCode());
        Assert.Empty(await NamesAsync(editor));
        await HubPadMember.DisposeAllAsync(editor, viewer);
    }

    [Fact]
    public async Task NameRevision_BadInput_IsRefusedWithItsCodeAndNamesNothing()
    {
        var (editor, viewer) = await JoinPadWithRevisionsAsync(2);

        var codes = new List<string>();
        foreach (var (revision, name) in new[] { (1, "   "), (1, "two\nlines"), (1, new string('x', 101)), (3, "ahead"), (-1, "before") })
        {
            codes.Add((await Assert.ThrowsAsync<HubException>(() => NameAsync(editor, revision, name))).ErrorCode());
        }

        var missing = await Assert.ThrowsAsync<HubException>(() => editor.Client.InvokeAsync("NameRevision", new { padId = editor.PadId, revision = 1 }));
        Assert.Equal(["invalid-op", "invalid-op", "too-large", "stale-revision", "stale-revision"], codes);
        Assert.Equal("invalid-op", missing.ErrorCode());
        Assert.Empty(await NamesAsync(editor));
        await HubPadMember.DisposeAllAsync(editor, viewer);
    }

    [Fact]
    public async Task NameRevision_PastTheNamesAPadMayHave_IsTooLargeButRenamingStillWorks()
    {
        var (editor, viewer) = await JoinPadWithRevisionsAsync(100);
        for (var revision = 0; revision < 100; revision++)
        {
            await NameAsync(editor, revision, $"name {revision}");
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => NameAsync(editor, 100, "one too many"));
        await NameAsync(editor, 99, "renamed");

        Assert.Equal("too-large", refused.ErrorCode());
        var names = await NamesAsync(editor);
        Assert.Equal(100, names.Count);
        Assert.Equal("renamed", names[^1].GetProperty("name").GetString());
        await HubPadMember.DisposeAllAsync(editor, viewer);
    }

    [Fact]
    public async Task NameRevision_LockedSessionPad_IsForbiddenWhileReadingHistoryStillWorks()
    {
        var created = await Server.CreateSessionAsync(groups: 1, audienceCanEdit: true);
        var pad = created.Groups[0].PadId;
        var noteTaker = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.Groups[0].NoteTakerToken);
        await NameAsync(noteTaker, 0, "template");

        await Server.Workshops().SetLockedAsync(created.ModeratorToken, true);
        await noteTaker.NextAccessChangeAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => NameAsync(noteTaker, 0, "while locked"));
        var revision = await noteTaker.Client.InvokeAsync("GetRevision", new { padId = pad, revision = 0 });
        Assert.Equal("forbidden", refused.ErrorCode());
        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, revision.GetProperty("revision").GetInt32());
        Assert.Equal("template", Assert.Single(await NamesAsync(noteTaker)).GetProperty("name").GetString());
        await HubPadMember.DisposeAllAsync(noteTaker);
    }

    [Fact]
    public async Task NameRevision_AudienceThatMayNotEdit_IsForbiddenButMayReadTheNames()
    {
        var created = await Server.CreateSessionAsync(groups: 1, audienceCanEdit: false);
        var pad = created.Groups[0].PadId;
        var audience = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.AudienceToken);

        var refused = await Assert.ThrowsAsync<HubException>(() => NameAsync(audience, 0, "audience"));

        Assert.Equal("forbidden", refused.ErrorCode());
        Assert.Empty(await NamesAsync(audience));
        await HubPadMember.DisposeAllAsync(audience);
    }

    [Fact]
    public async Task NamedRevisions_AfterARestart_AreStillThere()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("padhub-names-").FullName;
        try
        {
            // Both processes point at the same SQLite file, outside either factory's own (deleted) directory.
            var settings = new Dictionary<string, string?> { ["Database:SqliteFile"] = Path.Combine(dataDirectory, "padhub.db") };
            PadHub.Server.Persistence.CreatedPad pad;
            await using (var first = new PadHubServerFactory(settings))
            {
                pad = await first.CreatePadAsync("abc");
                var editor = await HubPadMember.JoinAsync(first.ServerAddress, pad.PadId, pad.EditToken);
                await NameAsync(editor, 0, "as created");
                await editor.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            await using var second = new PadHubServerFactory(settings);
            var viewer = await HubPadMember.JoinAsync(second.ServerAddress, pad.PadId, pad.ViewToken);

            var named = Assert.Single(await NamesAsync(viewer));
            Assert.Equal((0, "as created"), (named.GetProperty("revision").GetInt32(), named.GetProperty("name").GetString()));
            await viewer.DisposeAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Task<JsonElement> NameAsync(HubPadMember member, int revision, string name) =>
        member.Client.InvokeAsync("NameRevision", new { padId = member.PadId, revision, name });

    private static async Task<List<JsonElement>> NamesAsync(HubPadMember member) =>
        [.. (await member.Client.InvokeAsync("GetNamedRevisions", new { padId = member.PadId })).GetProperty("namedRevisions").EnumerateArray()];

    private async Task<(HubPadMember Editor, HubPadMember Viewer)> JoinPadWithRevisionsAsync(int revisions)
    {
        var pad = await Server.CreatePadAsync();
        var editor = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        var viewer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.ViewToken);
        for (var revision = 1; revision <= revisions; revision++)
        {
            await editor.Client.InvokeAsync("Submit", new
            {
                padId = pad.PadId, clientId = editor.Client.ClientId, seq = editor.Seq++, baseRevision = revision - 1,
                ops = revision == 1 ? new object[] { "x" } : [revision - 1, "x"],
            });
        }

        return (editor, viewer);
    }
}
