using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using PadHub.Core.Operations;
using PadHub.Server.Persistence;
using PadHub.Tests.Core;
using Xunit.Abstractions;

namespace PadHub.Tests.Server.Hubs;

public sealed class PadSyncHubTests(ITestOutputHelper output) : ServerTest(new PadHubServerFactory())
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Join_EditToken_ReturnsStateAndEditorRole()
    {
        var pad = await Server.CreatePadAsync("hello");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);

        var joined = await client.JoinAsync(pad.PadId, pad.EditToken, "Ada");

        Assert.Equal(pad.PadId, joined.GetProperty("padId").GetString());
        Assert.Equal(0, joined.GetProperty("revision").GetInt32());
        Assert.Equal("hello", joined.GetProperty("text").GetString());
        Assert.Equal("editor", joined.GetProperty("role").GetString());
        Assert.StartsWith("a-", joined.GetProperty("authorId").GetString(), StringComparison.Ordinal);
        Assert.Matches("^#[0-9a-f]{6}$", joined.GetProperty("color").GetString());
    }

    [Fact]
    public async Task Join_ViewToken_ReturnsViewerRole()
    {
        var pad = await Server.CreatePadAsync("x");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);

        var joined = await client.JoinAsync(pad.PadId, pad.ViewToken);

        Assert.Equal("viewer", joined.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Submit_FirstOperation_ReturnsRevisionOneAndOthersReceiveOpApplied()
    {
        var pad = await Server.CreatePadAsync("abc");
        await using var writer = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await using var reader = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await writer.JoinAsync(pad.PadId, pad.EditToken);
        await reader.JoinAsync(pad.PadId, pad.ViewToken);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.Connection.On<JsonElement>("OpApplied", e => received.TrySetResult(e));

        var result = await writer.InvokeAsync("Submit", new { padId = pad.PadId, clientId = writer.ClientId, seq = 1, baseRevision = 0, ops = new object[] { 3, "!" } });

        Assert.Equal(1, result.GetProperty("revision").GetInt32());
        var applied = await received.Task.WaitAsync(Deadline);
        Assert.Equal(pad.PadId, applied.GetProperty("padId").GetString());
        Assert.Equal(1, applied.GetProperty("revision").GetInt32());
        Assert.Equal("[3,\"!\"]", applied.GetProperty("ops").GetRawText());
        Assert.Equal(writer.ClientTag, applied.GetProperty("clientTag").GetString());
        Assert.False(applied.TryGetProperty("clientId", out _));
        Assert.Equal(1, applied.GetProperty("seq").GetInt64());
        await Waits.UntilAsync(() => reader.Text == "abc!", Deadline, () => reader.Text);
    }

    [Fact]
    public async Task Submit_SameClientIdAndSeqTwice_ReturnsOriginalRevisionAndCommitsOnce()
    {
        var pad = await Server.CreatePadAsync("");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await client.JoinAsync(pad.PadId, pad.EditToken);
        var request = new { padId = pad.PadId, clientId = client.ClientId, seq = 1, baseRevision = 0, ops = new object[] { "hi" } };

        var first = await client.InvokeAsync("Submit", request);
        var second = await client.InvokeAsync("Submit", request);

        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        Assert.Equal(1, second.GetProperty("revision").GetInt32());
        var history = await client.InvokeAsync("GetHistory", new { padId = pad.PadId, fromRevision = 0 });
        var operations = history.GetProperty("operations");
        Assert.Equal(1, operations.GetArrayLength());
    }

    [Fact]
    public async Task Submit_StaleBase_IsRebasedWithIncomingInsertFirst()
    {
        var pad = await Server.CreatePadAsync("ab");
        await using var a = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await using var b = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await a.JoinAsync(pad.PadId, pad.EditToken);
        await b.JoinAsync(pad.PadId, pad.EditToken);

        await a.InvokeAsync("Submit", new { padId = pad.PadId, clientId = a.ClientId, seq = 1, baseRevision = 0, ops = new object[] { 1, "X", 1 } });
        var late = await b.InvokeAsync("Submit", new { padId = pad.PadId, clientId = b.ClientId, seq = 1, baseRevision = 0, ops = new object[] { 1, "Y", 1 } });

        Assert.Equal(2, late.GetProperty("revision").GetInt32());
        Assert.Equal("aYXb", await ReadTextAsync(pad));
    }

    [Fact]
    public async Task ConcurrentClients_RandomEdits_ConvergeOnTheReplayOfTheCommittedLog()
    {
        var seed = TestSeed.Get(output);
        var random = new Random(seed);
        const int clientCount = 5;
        const int editsPerClient = 60;
        const string initial = "Workshop notes\n";
        var pad = await Server.CreatePadAsync(initial);
        var clients = new List<HubPadClient>();
        for (var i = 0; i < clientCount; i++)
        {
            var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
            await client.JoinAsync(pad.PadId, pad.EditToken, $"Typist {i}");
            clients.Add(client);
        }

        try
        {
            // Interleave: every round each client makes one edit at a random place of its own current text, without
            // waiting for anyone, so edits cross in flight and every commit after the first rebases.
            for (var round = 0; round < editsPerClient; round++)
            {
                foreach (var client in clients)
                {
                    var roll = random.Next(100);
                    var insert = random.Next(4) == 0 ? "😀" : ((char)('a' + random.Next(26))).ToString();
                    client.Edit(text =>
                    {
                        var position = SafePosition(text, random.Next(text.Length + 1));
                        if (roll < 25 && text.Length > 2)
                        {
                            var length = Math.Min(1 + random.Next(3), text.Length - position);
                            length = SafeLength(text, position, length);
                            return length == 0 ? TextOperation.ForInsert(text.Length, position, insert) : TextOperation.ForDelete(text.Length, position, length);
                        }

                        return TextOperation.ForInsert(text.Length, position, insert);
                    });
                }

                if (round % 10 == 0)
                {
                    await Task.Yield();
                }
            }

            var total = clientCount * editsPerClient;
            await Waits.UntilAsync(
                () => clients.All(c => c.IsSynchronized) && clients.Select(c => c.Revision).Distinct().Count() == 1
                    && clients.All(c => c.Errors.Count == 0) && clients[0].Revision > 0
                    && clients.All(c => c.Text == clients[0].Text),
                Deadline,
                () => $"seed={seed}: revisions {string.Join(",", clients.Select(c => c.Revision))}, errors {string.Join(" | ", clients.SelectMany(c => c.Errors).Select(e => e.Message))}");

            var history = await clients[0].InvokeAsync("GetHistory", new { padId = pad.PadId, fromRevision = 0 });
        var operations = history.GetProperty("operations");
            var replay = initial;
            foreach (var entry in operations.EnumerateArray())
            {
                replay = TextOperation.Parse(entry.GetProperty("ops").GetRawText()).Apply(replay);
            }

            Assert.True(operations.GetArrayLength() <= total, $"seed={seed}: more commits than edits");
            Assert.Equal(clients[0].Revision, operations.GetArrayLength());
            Assert.Equal(replay, clients[0].Text);
            Assert.Equal(replay, await ReadTextAsync(pad));
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
    public async Task Restart_SameDatabase_ServesAcknowledgedRevisionsAndRecognisesCommittedSeqs()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("padhub-restart-").FullName;
        try
        {
            // Both processes point at the same SQLite file, outside either factory's own (deleted) directory.
            var settings = new Dictionary<string, string?> { ["Database:SqliteFile"] = Path.Combine(dataDirectory, "padhub.db") };
            CreatedPad pad;
            string clientId;
            await using (var first = new PadHubServerFactory(settings))
            {
                pad = await first.CreatePadAsync("");
                await using var client = await HubPadClient.ConnectAsync(first.ServerAddress);
                clientId = client.ClientId;
                await client.JoinAsync(pad.PadId, pad.EditToken);
                for (var seq = 1; seq <= 5; seq++)
                {
                    var result = await client.InvokeAsync("Submit", new { padId = pad.PadId, clientId, seq, baseRevision = seq - 1, ops = seq == 1 ? new object[] { "1" } : new object[] { seq - 1, seq.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
                    Assert.Equal(seq, result.GetProperty("revision").GetInt32());
                }
            }

            SqliteConnection.ClearAllPools();
            await using var second = new PadHubServerFactory(settings);
            await using var again = await HubPadClient.ConnectAsync(second.ServerAddress, clientId);
            var joined = await again.JoinAsync(pad.PadId, pad.EditToken);
            var duplicate = await again.InvokeAsync("Submit", new { padId = pad.PadId, clientId, seq = 3, baseRevision = 2, ops = new object[] { 2, "3" } });

            Assert.Equal(5, joined.GetProperty("revision").GetInt32());
            Assert.Equal("12345", joined.GetProperty("text").GetString());
            Assert.Equal(3, duplicate.GetProperty("revision").GetInt32());
            var history = await again.InvokeAsync("GetHistory", new { padId = pad.PadId, fromRevision = 0 });
        var operations = history.GetProperty("operations");
            Assert.Equal(5, operations.GetArrayLength());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Submit_ViewerToken_IsForbiddenAndChangesNothing()
    {
        var pad = await Server.CreatePadAsync("read me");
        await using var viewer = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await viewer.JoinAsync(pad.PadId, pad.ViewToken);

        var submit = await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync("Submit",
            new { padId = pad.PadId, clientId = viewer.ClientId, seq = 1, baseRevision = 0, ops = new object[] { 7, "!" } }));
        var caret = await Assert.ThrowsAsync<HubException>(() => viewer.Connection.InvokeAsync("UpdateCaret",
            new { padId = pad.PadId, revision = 0, anchor = 1, head = 1 }));

        Assert.Equal("forbidden", submit.ErrorCode());
        Assert.Equal("forbidden", caret.ErrorCode());
        Assert.Equal("read me", await ReadTextAsync(pad));
    }

    [Fact]
    public async Task Submit_LargePaste_IsAcceptedBeyondSignalRsDefaultLimit()
    {
        var pad = await Server.CreatePadAsync("");
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
        await client.JoinAsync(pad.PadId, pad.EditToken);
        var paste = string.Concat(Enumerable.Repeat("A line of pasted notes about open data.\n", 5_000)); // ~200 KB

        var result = await client.InvokeAsync("Submit", new { padId = pad.PadId, clientId = client.ClientId, seq = 1, baseRevision = 0, ops = new object[] { paste } });

        Assert.Equal(1, result.GetProperty("revision").GetInt32());
        Assert.Equal(paste, await ReadTextAsync(pad));
    }

    private async Task<string> ReadTextAsync(CreatedPad pad)
    {
        await using var probe = await HubPadClient.ConnectAsync(Server.ServerAddress);
        var joined = await probe.JoinAsync(pad.PadId, pad.ViewToken, "Probe");
        return joined.GetProperty("text").GetString()!;
    }

    private static int SafePosition(string text, int position) =>
        position > 0 && position < text.Length && char.IsLowSurrogate(text[position]) ? position - 1 : position;

    private static int SafeLength(string text, int position, int length)
    {
        var end = position + length;
        if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return Math.Min(end, text.Length) - position;
    }
}
