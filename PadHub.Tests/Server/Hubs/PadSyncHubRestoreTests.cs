using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PadHub.Core.Operations;
using PadHub.Tests.Server.Sessions;
using Xunit.Abstractions;

namespace PadHub.Tests.Server.Hubs;

/// <summary>RestoreRevision through the real hub: what comes back, who may restore, and what is refused.</summary>
public sealed class PadSyncHubRestoreTests(ITestOutputHelper output) : ServerTest(new PadHubServerFactory(
    new Dictionary<string, string?> { ["PadHub:Limits:RevisionCallBurst"] = "1000" }))
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RestoreRevision_WholeRevision_CommitsItsTextAsANewRevisionByTheRestorer()
    {
        var (pad, writer) = await PadWithHistoryAsync("one", " two", " three");
        var restorer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        var viewer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.ViewToken);

        var restored = await RestoreAsync(restorer, 1);

        Assert.Equal(4, restored);
        var revision = await restorer.Client.InvokeAsync("GetRevision", new { padId = pad.PadId, revision = 4 });
        Assert.Equal("one", revision.GetProperty("text").GetString());
        var entry = await HistoryEntryAsync(restorer, 4);
        Assert.Equal(restorer.Client.AuthorId, entry.GetProperty("authorId").GetString());
        await Waits.UntilAsync(() => viewer.Client.Revision == 4, Deadline, () => $"the viewer at {viewer.Client.Revision}");
        Assert.Equal("one", viewer.Client.Text);
        await HubPadMember.DisposeAllAsync(writer, restorer, viewer);
    }

    [Fact]
    public async Task RestoreRevision_TheRevisionBeforeARestore_UndoesIt()
    {
        var (pad, writer) = await PadWithHistoryAsync("one", " two", " three");
        var restorer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        var restore = await RestoreAsync(restorer, 0);

        var undo = await RestoreAsync(restorer, restore - 1);

        var revision = await restorer.Client.InvokeAsync("GetRevision", new { padId = pad.PadId, revision = undo });
        Assert.Equal((4, 5), (restore, undo));
        Assert.Equal("one two three", revision.GetProperty("text").GetString());
        await HubPadMember.DisposeAllAsync(writer, restorer);
    }

    [Fact]
    public async Task RestoreRevision_Passage_BringsBackOnlyThePassageAndKeepsLaterTextElsewhere()
    {
        // Revision 1 has both words; revision 2 loses "kept "; revision 3 adds text elsewhere.
        var (pad, writer) = await PadWithHistoryAsync(Append("kept words"), text => TextOperation.ForDelete(text.Length, 0, 5), text => TextOperation.ForInsert(text.Length, text.Length, " later"));
        var restorer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);

        var restored = await RestoreAsync(restorer, 1, from: 0, to: 5);

        var revision = await restorer.Client.InvokeAsync("GetRevision", new { padId = pad.PadId, revision = restored });
        Assert.Equal("kept words later", revision.GetProperty("text").GetString());
        var authors = revision.GetProperty("authors").EnumerateArray().Select(a => (a[0].GetInt32(), a[1].GetString())).ToList();
        Assert.Equal((5, restorer.Client.AuthorId), authors[0]);
        await HubPadMember.DisposeAllAsync(writer, restorer);
    }

    [Fact]
    public async Task RestoreRevision_NothingDiffers_ReturnsTheHeadAndCommitsNothing()
    {
        var (pad, writer) = await PadWithHistoryAsync("same");
        var restorer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);

        var whole = await RestoreAsync(restorer, 1);
        var passage = await RestoreAsync(restorer, 1, from: 0, to: 4);

        Assert.Equal((1, 1), (whole, passage));
        var history = await restorer.Client.InvokeAsync("GetHistory", new { padId = pad.PadId, fromRevision = 0 });
        Assert.Equal(1, history.GetProperty("headRevision").GetInt32());
        await HubPadMember.DisposeAllAsync(writer, restorer);
    }

    [Fact]
    public async Task RestoreRevision_DeletedParagraphWhileTwoOthersType_ComesBackAndEveryTypedCharacterStays()
    {
        // Arrange: two typists write in their own lines (A digits 0-4, B digits 5-9, absent from the text); a third
        // member deletes the paragraph, then restores it from the revision before the deletion while both keep typing.
        var seed = TestSeed.Get(output);
        var random = new Random(seed);
        const string paragraph = "The paragraph someone wipes by mistake at minute forty.\n\n";
        const string initial = "Notes\n\n" + paragraph + "A:\n\nB:\n";
        var pad = await Server.CreatePadAsync(initial);
        var a = await JoinTypistAsync(pad, "A");
        var b = await JoinTypistAsync(pad, "B");
        var restorer = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await restorer.JoinAsync(pad.PadId, pad.EditToken, "Restorer");
        var typed = new Dictionary<char, int>();
        var clients = new[] { a, b, restorer };
        try
        {
            Type(random, typed, a, b, rounds: 15);
            restorer.Edit(text => TextOperation.ForDelete(text.Length, text.IndexOf(paragraph, StringComparison.Ordinal), paragraph.Length));
            await Waits.UntilAsync(() => restorer.IsSynchronized, Deadline, () => "the deletion to be acknowledged");
            var deletion = await OwnRevisionAsync(restorer, pad.PadId);
            var before = await restorer.InvokeAsync("GetRevision", new { padId = pad.PadId, revision = deletion - 1 });
            var from = before.GetProperty("text").GetString()!.IndexOf(paragraph, StringComparison.Ordinal);

            // Act: the restore in flight while both type, then more typing after it.
            var restore = restorer.InvokeAsync("RestoreRevision", new { padId = pad.PadId, revision = deletion - 1, from, to = from + paragraph.Length });
            Type(random, typed, a, b, rounds: 15);
            var restored = (await restore.WaitAsync(Deadline)).GetProperty("revision").GetInt32();
            Type(random, typed, a, b, rounds: 15);

            // Assert: all converge; the paragraph is back where it was; every typed character is there.
            await Waits.UntilAsync(
                () => clients.All(c => c.IsSynchronized && c.Errors.Count == 0) && clients.Select(c => c.Revision).Distinct().Count() == 1
                    && clients.All(c => c.Text == clients[0].Text),
                Deadline,
                () => $"seed={seed}: revisions {string.Join(",", clients.Select(c => c.Revision))}, errors {string.Join(" | ", clients.SelectMany(c => c.Errors).Select(e => e.Message))}");
            var text = a.Text;
            Assert.True(restored > deletion, $"seed={seed}: the restore did not commit after the deletion");
            Assert.Equal(initial, new string([.. text.Where(c => !char.IsAsciiDigit(c))]));
            Assert.Equal(typed.OrderBy(p => p.Key), text.Where(char.IsAsciiDigit).GroupBy(c => c).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(p => p.Key));
            Assert.Equal(text, await ServerTextAsync(restorer, pad.PadId));
            var entry = await HistoryEntryAsync(restorer, pad.PadId, restored);
            Assert.Equal(restorer.AuthorId, entry.GetProperty("authorId").GetString());
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task RestoreRevision_Viewer_IsForbiddenAndCommitsNothing()
    {
        var (pad, writer) = await PadWithHistoryAsync("one");
        var viewer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.ViewToken);

        var refused = await Assert.ThrowsAsync<HubException>(() => RestoreAsync(viewer, 0));

        Assert.Equal("forbidden", refused.ErrorCode());
        Assert.Equal(1, await HeadAsync(writer));
        await HubPadMember.DisposeAllAsync(writer, viewer);
    }

    [Fact]
    public async Task RestoreRevision_AudienceThatMayEdit_IsForbiddenWhileTheNoteTakerAndModeratorMayRestore()
    {
        var created = await Server.CreateSessionAsync(groups: 1, audienceCanEdit: true);
        var pad = created.Groups[0].PadId;
        var audience = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.AudienceToken);
        var noteTaker = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.Groups[0].NoteTakerToken);
        var moderator = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.ModeratorToken);
        await SubmitAsync(audience, 0, [audience.InitialLength, " audience"]);

        var refused = await Assert.ThrowsAsync<HubException>(() => RestoreAsync(audience, 0));
        var byNoteTaker = await RestoreAsync(noteTaker, 0);
        var byModerator = await RestoreAsync(moderator, 1);

        Assert.Equal("forbidden", refused.ErrorCode());
        Assert.Equal((2, 3), (byNoteTaker, byModerator));
        await HubPadMember.DisposeAllAsync(audience, noteTaker, moderator);
    }

    [Fact]
    public async Task RestoreRevision_LockedSessionPad_IsForbiddenAndCommitsNothing()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var pad = created.Groups[0].PadId;
        var noteTaker = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.Groups[0].NoteTakerToken);
        await SubmitAsync(noteTaker, 0, [noteTaker.InitialLength, " notes"]);
        await Server.Workshops().SetLockedAsync(created.ModeratorToken, true);
        await noteTaker.NextAccessChangeAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => RestoreAsync(noteTaker, 0));

        Assert.Equal("forbidden", refused.ErrorCode());
        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await HeadAsync(noteTaker));
        await HubPadMember.DisposeAllAsync(noteTaker);
    }

    [Fact]
    public async Task RestoreRevision_BadRevisionOrPassage_IsRefusedWithItsCodeAndCommitsNothing()
    {
        var (pad, writer) = await PadWithHistoryAsync("a😀b");
        var codes = new List<string>();
        foreach (var request in new object[]
        {
            new { padId = pad.PadId, revision = 2 },
            new { padId = pad.PadId, revision = -1 },
            new { padId = pad.PadId, revision = 1, from = 0 },
            new { padId = pad.PadId, revision = 1, from = 2, to = 2 },
            new { padId = pad.PadId, revision = 1, from = 0, to = 5 },
            new { padId = pad.PadId, revision = 1, from = 2, to = 4 },
            new { padId = pad.PadId, revision = 1, from = -1, to = 1 },
        })
        {
            codes.Add((await Assert.ThrowsAsync<HubException>(() => writer.Client.InvokeAsync("RestoreRevision", request))).ErrorCode());
        }

        Assert.Equal(["stale-revision", "stale-revision", "invalid-op", "invalid-op", "invalid-op", "invalid-op", "invalid-op"], codes);
        Assert.Equal(1, await HeadAsync(writer));
        await HubPadMember.DisposeAllAsync(writer);
    }

    private static async Task<int> RestoreAsync(HubPadMember member, int revision, int? from = null, int? to = null)
    {
        var result = from is null
            ? await member.Client.InvokeAsync("RestoreRevision", new { padId = member.PadId, revision })
            : await member.Client.InvokeAsync("RestoreRevision", new { padId = member.PadId, revision, from, to });
        return result.GetProperty("revision").GetInt32();
    }

    private static async Task SubmitAsync(HubPadMember member, int baseRevision, object[] ops) =>
        await member.Client.InvokeAsync("Submit", new { padId = member.PadId, clientId = member.Client.ClientId, seq = member.Seq++, baseRevision, ops });

    private static async Task<int> HeadAsync(HubPadMember member) =>
        (await member.Client.InvokeAsync("GetHistory", new { padId = member.PadId, fromRevision = 0 })).GetProperty("headRevision").GetInt32();

    private static Task<JsonElement> HistoryEntryAsync(HubPadMember member, int revision) => HistoryEntryAsync(member.Client, member.PadId, revision);

    private static async Task<JsonElement> HistoryEntryAsync(HubPadClient client, string padId, int revision)
    {
        var page = await client.InvokeAsync("GetHistory", new { padId, fromRevision = revision - 1 });
        return page.GetProperty("operations")[0];
    }

    private static async Task<string> ServerTextAsync(HubPadClient client, string padId)
    {
        var head = (await client.InvokeAsync("GetHistory", new { padId, fromRevision = 0 })).GetProperty("headRevision").GetInt32();
        return (await client.InvokeAsync("GetRevision", new { padId, revision = head })).GetProperty("text").GetString()!;
    }

    /// <summary>The revision of this client's last committed operation, found by its tag in the history.</summary>
    private static async Task<int> OwnRevisionAsync(HubPadClient client, string padId)
    {
        var own = 0;
        var from = 0;
        while (true)
        {
            var page = await client.InvokeAsync("GetHistory", new { padId, fromRevision = from });
            foreach (var entry in page.GetProperty("operations").EnumerateArray())
            {
                from = entry.GetProperty("revision").GetInt32();
                if (entry.GetProperty("clientTag").GetString() == client.ClientTag)
                {
                    own = from;
                }
            }

            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return own;
            }
        }
    }

    private async Task<HubPadClient> JoinTypistAsync(PadHub.Server.Persistence.CreatedPad pad, string name)
    {
        var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await client.JoinAsync(pad.PadId, pad.EditToken, name);
        return client;
    }

    /// <summary>Each typist types one character per round into its own line ("A:" or "B:"), at a random place in it.</summary>
    private static void Type(Random random, Dictionary<char, int> typed, HubPadClient a, HubPadClient b, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (client, marker, first) in new[] { (a, "A:", '0'), (b, "B:", '5') })
            {
                var character = (char)(first + random.Next(5));
                var offset = random.Next(1_000);
                typed[character] = typed.GetValueOrDefault(character) + 1;
                client.Edit(text =>
                {
                    var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
                    var end = text.IndexOf('\n', start);
                    return TextOperation.ForInsert(text.Length, start + (offset % (end - start + 1)), character.ToString());
                });
            }
        }
    }

    private Task<(PadHub.Server.Persistence.CreatedPad Pad, HubPadMember Writer)> PadWithHistoryAsync(params string[] appends) =>
        PadWithHistoryAsync([.. appends.Select(Append)]);

    private static Func<string, TextOperation> Append(string appended) => text => TextOperation.ForInsert(text.Length, text.Length, appended);

    private async Task<(PadHub.Server.Persistence.CreatedPad Pad, HubPadMember Writer)> PadWithHistoryAsync(params Func<string, TextOperation>[] edits)
    {
        var pad = await Server.CreatePadAsync();
        var writer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        var text = "";
        var revision = 0;
        foreach (var edit in edits)
        {
            var operation = edit(text);
            await writer.Client.InvokeAsync("Submit", new
            {
                padId = pad.PadId, clientId = writer.Client.ClientId, seq = writer.Seq++, baseRevision = revision++,
                ops = System.Text.Json.Nodes.JsonNode.Parse(operation.ToJson()),
            });
            text = operation.Apply(text);
        }

        return (pad, writer);
    }
}
