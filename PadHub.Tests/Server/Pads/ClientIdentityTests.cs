using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
using PadHub.Server.Pads;

namespace PadHub.Tests.Server.Pads;

/// <summary>A client id is a secret bound to the role it was first used with on a pad; viewers write no author.</summary>
public sealed class ClientIdentityTests : IAsyncLifetime
{
    private readonly AuthorityHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string, string> BadClientIds() => new()
    {
        { "31 characters", new string('a', 31) },
        { "65 characters", new string('a', 65) },
        { "a space", "0123456789abcdef 0123456789abcdef" },
        { "a dot", "0123456789abcdef.0123456789abcdef" },
        { "non-ASCII letters", "0123456789abcdef\u00e90123456789abcdef" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(BadClientIds))]
    public async Task Connect_BadClientId_IsInvalidOpAndJoinsNothing(string name, string clientId)
    {
        var pad = await _harness.Store.CreatePadAsync("abc");

        var error = await Assert.ThrowsAsync<PadException>(() => _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, clientId, "Ada"), new RecordingListener()));

        Assert.True(error.Code == PadErrorCodes.InvalidOp, $"{name}: {error.Message}");
        Assert.False(_harness.Fanout.HasSubscribers(pad.PadId));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public async Task Connect_ClientIdOfAllowedLength_Joins(int length)
    {
        var pad = await _harness.Store.CreatePadAsync("abc");

        await using var connection = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, new string('A', length - 1) + "_", "Ada"), new RecordingListener());

        Assert.Equal(pad.PadId, connection.Joined.PadId);
    }

    [Fact]
    public async Task Connect_ViewLink_CreatesNoAuthor()
    {
        var pad = await _harness.Store.CreatePadAsync("abc");

        await using var viewer = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.ViewToken, TestClientIds.For("viewer"), "Mallory"), new RecordingListener());
        await using var editor = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("editor"), "Ada"), new RecordingListener());

        Assert.Empty(await _harness.Store.GetAuthorsAsync([viewer.Joined.AuthorId]));
        Assert.Equal(["Ada"], (await _harness.Store.GetAuthorsAsync([editor.Joined.AuthorId])).Select(a => a.DisplayName));
    }

    [Fact]
    public async Task Connect_ViewLinkWithAnEditorsClientId_IsForbiddenAndRenamesNoOne()
    {
        var pad = await _harness.Store.CreatePadAsync("abc");
        var victimId = TestClientIds.For("victim");
        await using var victim = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, victimId, "Victim"), new RecordingListener());

        var error = await Assert.ThrowsAsync<PadException>(() => _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.ViewToken, victimId, "Mallory"), new RecordingListener()));

        Assert.Equal(PadErrorCodes.Forbidden, error.Code);
        Assert.True(error.ClientIdInUse);
        Assert.Equal(["Victim"], (await _harness.Store.GetAuthorsAsync([victim.Joined.AuthorId])).Select(a => a.DisplayName));
        Assert.Single(_harness.Fanout.GetParticipants(pad.PadId));
    }

    [Fact]
    public async Task Connect_EditLinkWithAViewersClientId_IsForbidden()
    {
        var pad = await _harness.Store.CreatePadAsync("abc");
        var viewerId = TestClientIds.For("viewer");
        await using var viewer = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.ViewToken, viewerId, "V"), new RecordingListener());

        var error = await Assert.ThrowsAsync<PadException>(() => _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, viewerId, "E"), new RecordingListener()));

        Assert.Equal(PadErrorCodes.Forbidden, error.Code);
    }

    [Fact]
    public async Task Connect_ViewLinkWithAClientIdThatCommittedBeforeARestart_IsForbidden()
    {
        var pad = await _harness.Store.CreatePadAsync("abc");
        var editorId = TestClientIds.For("editor");
        await using (var editor = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, editorId, "Ada"), new RecordingListener()))
        {
            await editor.SubmitAsync(1, 0, TextOperation.ForInsert(3, 3, "!"));
        }

        // A new service remembers nothing in memory: the commits are what binds the id.
        var restarted = new PadSessionService(_harness.Store, _harness.Provider, _harness.Fanout, Options.Create(new PadLimitsOptions()), _harness.Time);
        var error = await Assert.ThrowsAsync<PadException>(() => restarted.ConnectAsync(new PadJoinRequest(pad.ViewToken, editorId, "Mallory"), new RecordingListener()));

        Assert.Equal(PadErrorCodes.Forbidden, error.Code);
    }

    [Fact]
    public async Task Connect_EditorAndViewerRacingWithOneClientId_OnlyOneGetsIn()
    {
        var pad = await _harness.Store.CreatePadAsync("abc");
        for (var i = 0; i < 20; i++)
        {
            var clientId = TestClientIds.For($"racer{i}");
            var attempts = new[] { pad.EditToken, pad.ViewToken }
                .Select(token => Task.Run(() => _harness.Sessions.ConnectAsync(new PadJoinRequest(token, clientId, "R"), new RecordingListener())))
                .ToArray();
            var outcomes = new List<IPadConnection>();
            var refusals = new List<PadException>();
            foreach (var attempt in attempts)
            {
                try
                {
                    outcomes.Add(await attempt);
                }
                catch (PadException ex)
                {
                    refusals.Add(ex);
                }
            }

            Assert.Single(outcomes);
            Assert.Equal(PadErrorCodes.Forbidden, Assert.Single(refusals).Code);
            await outcomes[0].DisposeAsync();
        }
    }

    [Fact]
    public async Task Connect_TwoJoins_GetDifferentParticipantIdsAndOneClientTagPerClientId()
    {
        var pad = await _harness.Store.CreatePadAsync("abc");
        var clientId = TestClientIds.For("tab");

        await using var first = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, clientId, "A"), new RecordingListener());
        await using var second = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, clientId, "A"), new RecordingListener());
        await using var other = await _harness.Sessions.ConnectAsync(new PadJoinRequest(pad.EditToken, TestClientIds.For("other"), "B"), new RecordingListener());

        Assert.NotEqual(first.Joined.ParticipantId, second.Joined.ParticipantId);
        Assert.Equal(first.Joined.ClientTag, second.Joined.ClientTag);
        Assert.NotEqual(first.Joined.ClientTag, other.Joined.ClientTag);
        Assert.DoesNotContain(clientId, first.Joined.ClientTag + first.Joined.ParticipantId + first.Joined.AuthorId, StringComparison.Ordinal);
    }
}
