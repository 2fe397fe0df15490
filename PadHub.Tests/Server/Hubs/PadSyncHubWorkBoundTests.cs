using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PadHub.Core.Operations;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Hubs;

/// <summary>
/// A hostile Submit costs the pad bounded work: the review's probe is refused <c>too-large</c>, a submission whose rebase
/// is over the budget <c>stale-revision</c> (and the client catches up and resends), and neither changes the pad.
/// </summary>
public sealed class PadSyncHubWorkBoundTests() : ServerTest(new PadHubServerFactory(Settings))
{
    private const int BaseLength = 300_000;
    private const int Stale = 100;
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["PadHub:Limits:MaxRebaseWork"] = "5000",
    };

    private CreatedPad _pad = null!;
    private HubPadClient _editor = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _pad = await Server.CreatePadAsync(new string('b', BaseLength));
        _editor = await HubPadClient.ConnectAsync(Server.ServerAddress, Guid.NewGuid().ToString("N"));
        await _editor.JoinAsync(_pad.PadId, _pad.EditToken);
        for (var i = 0; i < Stale; i++)
        {
            await _editor.InvokeAsync("Submit", new { padId = _pad.PadId, clientId = _editor.ClientId, seq = i + 1, baseRevision = i, ops = new object[] { BaseLength + i, "a" } });
        }
    }

    public override async Task DisposeAsync()
    {
        await _editor.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Submit_SixHundredThousandComponentsHundredRevisionsStale_IsTooLargeAndLeavesThePadUnchanged()
    {
        // Arrange: the review's probe, about 1.8 MB: [1,"x",1,"x",...] over the pad as it was 100 revisions ago.
        await using var mallory = await HubPadClient.ConnectAsync(Server.ServerAddress, Guid.NewGuid().ToString("N"));
        await mallory.JoinAsync(_pad.PadId, _pad.EditToken, "Mallory");
        var json = new StringBuilder("[", 1_900_000);
        for (var i = 0; i < 300_000; i++)
        {
            json.Append("1,\"x\",");
        }

        json[^1] = ']';
        using var ops = JsonDocument.Parse(json.ToString());

        // Act
        var error = await Assert.ThrowsAsync<HubException>(() => mallory.InvokeAsync("Submit",
            new { padId = _pad.PadId, clientId = mallory.ClientId, seq = 1, baseRevision = 0, ops = ops.RootElement }));

        // Assert
        Assert.Equal("too-large", error.ErrorCode());
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Submit_RebaseOverTheBudget_IsStaleRevisionThenCommitsOnceTheClientCatchesUp()
    {
        // Arrange: 81 components (40 inserts between retains, a retain to the end) crossing 100 revisions of 2
        // components each cost 100 x 83 = 8,300 steps, over the budget of 5,000.
        var edit = new List<object>();
        for (var i = 0; i < 40; i++)
        {
            edit.Add(1);
            edit.Add("x");
        }

        edit.Add(BaseLength - 40);

        // Act
        var error = await Assert.ThrowsAsync<HubException>(() => _editor.InvokeAsync("Submit",
            new { padId = _pad.PadId, clientId = _editor.ClientId, seq = Stale + 1, baseRevision = 0, ops = edit }));
        var unchanged = await RevisionAndTextAsync();

        // The client catches up from the history and resends the rebased edit under the same seq.
        var history = await _editor.InvokeAsync("GetHistory", new { padId = _pad.PadId, fromRevision = 0 });
        var rebased = TextOperation.Parse(JsonSerializer.Serialize(edit));
        Assert.False(history.GetProperty("hasMore").GetBoolean());
        foreach (var entry in history.GetProperty("operations").EnumerateArray())
        {
            rebased = TextOperation.TransformLeft(rebased, TextOperation.Parse(entry.GetProperty("ops").GetRawText()));
        }

        var committed = await _editor.InvokeAsync("Submit",
            new { padId = _pad.PadId, clientId = _editor.ClientId, seq = Stale + 1, baseRevision = Stale, ops = JsonDocument.Parse(rebased.ToJson()).RootElement });

        // Assert
        Assert.Equal("stale-revision", error.ErrorCode());
        Assert.Equal((Stale, new string('b', BaseLength) + new string('a', Stale)), unchanged);
        Assert.Equal(Stale + 1, committed.GetProperty("revision").GetInt32());
    }

    private async Task AssertUnchangedAsync() =>
        Assert.Equal((Stale, new string('b', BaseLength) + new string('a', Stale)), await RevisionAndTextAsync());

    private async Task<(int Revision, string Text)> RevisionAndTextAsync()
    {
        await using var probe = await HubPadClient.ConnectAsync(Server.ServerAddress, Guid.NewGuid().ToString("N"));
        var joined = await probe.JoinAsync(_pad.PadId, _pad.ViewToken, "Probe");
        return (joined.GetProperty("revision").GetInt32(), joined.GetProperty("text").GetString()!);
    }
}
