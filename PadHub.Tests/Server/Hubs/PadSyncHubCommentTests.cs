using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using PadHub.Tests.Server.Sessions;

namespace PadHub.Tests.Server.Hubs;

/// <summary>AddComment, ResolveComment, GetComments and CommentsChanged through the real hub.</summary>
public sealed class PadSyncHubCommentTests() : ServerTest(new PadHubServerFactory())
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AddComment_AudienceThenNoteTakerEditsBefore_AnchorStaysOnThePassage()
    {
        var created = await Server.CreateSessionAsync(groups: 1, audienceCanEdit: false);
        var pad = created.Groups[0].PadId;
        var noteTaker = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.Groups[0].NoteTakerToken);
        var audience = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.AudienceToken);
        var changes = CommentsChanged(noteTaker);
        var text = noteTaker.Joined.GetProperty("text").GetString()!;
        var from = text.IndexOf("Key points", StringComparison.Ordinal);

        var added = await audience.Client.InvokeAsync("AddComment", new { padId = pad, from, to = from + 10, text = "Which ones?" });
        var changed = await changes.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
        await SubmitAsync(noteTaker, 0, ["Intro line\n", text.Length]);
        var comment = Assert.Single(await CommentsAsync(audience));

        var id = added.GetProperty("commentId").GetString();
        Assert.Equal(id, Assert.Single(changed.GetProperty("comments").EnumerateArray()).GetProperty("commentId").GetString());
        Assert.Equal(0, changed.GetProperty("revision").GetInt32());
        Assert.Equal((from + 11, from + 21, false), (comment.GetProperty("from").GetInt32(), comment.GetProperty("to").GetInt32(), comment.GetProperty("onDeletedText").GetBoolean()));
        Assert.Equal(1, comment.GetProperty("revision").GetInt32());
        Assert.Equal(("Which ones?", "Bot", audience.Client.AuthorId), (comment.GetProperty("text").GetString(), comment.GetProperty("displayName").GetString(), comment.GetProperty("authorId").GetString()));
        await HubPadMember.DisposeAllAsync(noteTaker, audience);
    }

    [Fact]
    public async Task AddComment_AudienceWhenTheSessionStopsIt_IsForbiddenAndResolveIsNoteTakersOnly()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var pad = created.Groups[0].PadId;
        var noteTaker = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.Groups[0].NoteTakerToken);
        var audience = await HubPadMember.JoinAsync(Server.ServerAddress, pad, created.AudienceToken);
        var added = await audience.Client.InvokeAsync("AddComment", new { padId = pad, from = 0, to = 3, text = "first" });
        var id = added.GetProperty("commentId").GetString();

        var audienceResolve = await Assert.ThrowsAsync<HubException>(() => audience.Client.Connection.InvokeAsync("ResolveComment", new { padId = pad, commentId = id }));
        await Server.Workshops().SetAudienceCanCommentAsync(created.ModeratorToken, false);
        var refused = await Assert.ThrowsAsync<HubException>(() => audience.Client.InvokeAsync("AddComment", new { padId = pad, from = 0, to = 3, text = "second" }));
        await noteTaker.Client.Connection.InvokeAsync("ResolveComment", new { padId = pad, commentId = id });

        Assert.Equal(("forbidden", "forbidden"), (audienceResolve.ErrorCode(), refused.ErrorCode()));
        var comment = Assert.Single(await CommentsAsync(audience));
        Assert.True(comment.GetProperty("resolved").GetBoolean());
        await HubPadMember.DisposeAllAsync(noteTaker, audience);
    }

    [Fact]
    public async Task AddComment_BadInput_IsRefusedWithItsCodeAndAddsNothing()
    {
        var pad = await Server.CreatePadAsync("hello world");
        var editor = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        var viewer = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.ViewToken);

        var codes = new List<string>();
        foreach (var request in new object[]
        {
            new { padId = pad.PadId, from = 6, to = 12, text = "past the end" },
            new { padId = pad.PadId, from = -1, to = 2, text = "before the start" },
            new { padId = pad.PadId, from = 3, to = 3, text = "empty passage" },
            new { padId = pad.PadId, from = 0, to = 5, text = "  " },
            new { padId = pad.PadId, from = 0, to = 5, text = new string('x', 1001) },
            new { padId = pad.PadId, from = 0, to = 5, text = "a\u0007bell" },
            new { padId = pad.PadId, from = 0, to = 5, text = "reply", replyTo = "nope" },
            new { padId = pad.PadId, from = 0, to = 5, text = "ahead", revision = 7 },
        })
        {
            codes.Add((await Assert.ThrowsAsync<HubException>(() => editor.Client.InvokeAsync("AddComment", request))).ErrorCode());
        }

        var viewerRefused = await Assert.ThrowsAsync<HubException>(() => viewer.Client.InvokeAsync("AddComment", new { padId = pad.PadId, from = 0, to = 5, text = "viewer" }));

        Assert.Equal(["invalid-op", "invalid-op", "invalid-op", "invalid-op", "too-large", "invalid-op", "invalid-op", "stale-revision"], codes);
        Assert.Equal("forbidden", viewerRefused.ErrorCode());
        Assert.Empty(await CommentsAsync(viewer));
        await HubPadMember.DisposeAllAsync(editor, viewer);
    }

    [Fact]
    public async Task AddComment_ReplyAndResolveThroughIt_ShareTheThreadsPassageAndState()
    {
        var pad = await Server.CreatePadAsync("hello world");
        var editor = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        var root = (await editor.Client.InvokeAsync("AddComment", new { padId = pad.PadId, from = 6, to = 11, text = "which world?" })).GetProperty("commentId").GetString();
        var reply = (await editor.Client.InvokeAsync("AddComment", new { padId = pad.PadId, text = "this one", replyTo = root })).GetProperty("commentId").GetString();
        var second = (await editor.Client.InvokeAsync("AddComment", new { padId = pad.PadId, from = 0, to = 0 + 1, text = "and a reply's reply", replyTo = reply })).GetProperty("commentId").GetString();

        await editor.Client.Connection.InvokeAsync("ResolveComment", new { padId = pad.PadId, commentId = second });
        var comments = await CommentsAsync(editor);

        Assert.Equal([root, reply, second], comments.Select(c => c.GetProperty("commentId").GetString()));
        Assert.Equal([null, root, root], comments.Select(c => c.GetProperty("replyTo").GetString()));
        Assert.All(comments, c => Assert.Equal((6, 11, true), (c.GetProperty("from").GetInt32(), c.GetProperty("to").GetInt32(), c.GetProperty("resolved").GetBoolean())));
        await HubPadMember.DisposeAllAsync(editor);
    }

    [Fact]
    public async Task AddComment_PassageDeletedEntirely_IsKeptOnDeletedText()
    {
        var pad = await Server.CreatePadAsync("keep this, drop that.");
        var editor = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        await editor.Client.InvokeAsync("AddComment", new { padId = pad.PadId, from = 11, to = 20, text = "drop?" });

        await SubmitAsync(editor, 0, [10, -10, 1]);
        var comment = Assert.Single(await CommentsAsync(editor));

        Assert.Equal((10, 10, true), (comment.GetProperty("from").GetInt32(), comment.GetProperty("to").GetInt32(), comment.GetProperty("onDeletedText").GetBoolean()));
        await HubPadMember.DisposeAllAsync(editor);
    }

    [Fact]
    public async Task AddComment_WithAnOlderRevision_IsMovedToTheHead()
    {
        var pad = await Server.CreatePadAsync("abcdef");
        var editor = await HubPadMember.JoinAsync(Server.ServerAddress, pad.PadId, pad.EditToken);
        await SubmitAsync(editor, 0, ["XYZ", 6]);

        await editor.Client.InvokeAsync("AddComment", new { padId = pad.PadId, from = 2, to = 4, text = "cd", revision = 0 });
        var comment = Assert.Single(await CommentsAsync(editor));

        Assert.Equal((5, 7), (comment.GetProperty("from").GetInt32(), comment.GetProperty("to").GetInt32()));
        await HubPadMember.DisposeAllAsync(editor);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Comments_AfterARestart_AreStillOnTheirPassage(bool anchorWrittenBeforeTheEdits)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("padhub-comments-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["Database:SqliteFile"] = Path.Combine(dataDirectory, "padhub.db") };
            PadHub.Server.Persistence.CreatedPad pad;
            await using (var first = new PadHubServerFactory(settings))
            {
                pad = await first.CreatePadAsync("one two three");
                var editor = await HubPadMember.JoinAsync(first.ServerAddress, pad.PadId, pad.EditToken);
                await editor.Client.InvokeAsync("AddComment", new { padId = pad.PadId, from = 4, to = 7, text = "two?" });
                await SubmitAsync(editor, 0, ["zero ", 13]);
                await SubmitAsync(editor, 1, [18, " four"]);
                await editor.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            if (anchorWrittenBeforeTheEdits)
            {
                // As if the process died before writing the moved anchor back: loading must replay the edits since.
                await using var connection = new SqliteConnection($"Data Source={settings["Database:SqliteFile"]}");
                await connection.OpenAsync();
                await using var rewind = connection.CreateCommand();
                rewind.CommandText = "UPDATE Comments SET \"From\" = 4, \"To\" = 7, OnDeletedText = 0, AnchorRevision = 0";
                Assert.Equal(1, await rewind.ExecuteNonQueryAsync());
            }

            SqliteConnection.ClearAllPools();
            await using var second = new PadHubServerFactory(settings);
            var viewer = await HubPadMember.JoinAsync(second.ServerAddress, pad.PadId, pad.ViewToken);

            var comment = Assert.Single(await CommentsAsync(viewer));
            var text = viewer.Joined.GetProperty("text").GetString()!;
            Assert.Equal("two", text[comment.GetProperty("from").GetInt32()..comment.GetProperty("to").GetInt32()]);
            Assert.Equal("two?", comment.GetProperty("text").GetString());
            await viewer.DisposeAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Channel<JsonElement> CommentsChanged(HubPadMember member)
    {
        var channel = Channel.CreateUnbounded<JsonElement>();
        member.Client.Connection.On<JsonElement>("CommentsChanged", e => channel.Writer.TryWrite(e));
        return channel;
    }

    private static async Task<List<JsonElement>> CommentsAsync(HubPadMember member) =>
        [.. (await member.Client.InvokeAsync("GetComments", new { padId = member.PadId })).EnumerateArray()];

    private static Task<JsonElement> SubmitAsync(HubPadMember member, int baseRevision, object[] ops) =>
        member.Client.InvokeAsync("Submit", new { padId = member.PadId, clientId = member.Client.ClientId, seq = member.Seq++, baseRevision, ops });
}
