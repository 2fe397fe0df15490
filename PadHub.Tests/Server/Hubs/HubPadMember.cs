using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace PadHub.Tests.Server.Hubs;

/// <summary>
/// A hub connection joined to one pad with a link, and every <c>AccessChanged</c> event it receives: a participant in
/// the tests that replace, revoke or regrant links.
/// </summary>
internal sealed class HubPadMember(HubPadClient client, string padId) : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public HubPadClient Client { get; } = client;

    public string PadId { get; } = padId;

    /// <summary>What the last Join returned.</summary>
    public JsonElement Joined { get; set; }

    /// <summary>The pad's length when this member joined.</summary>
    public int InitialLength => Joined.GetProperty("text").GetString()!.Length;

    /// <summary>The next seq this member submits under.</summary>
    public long Seq { get; set; } = 1;

    public Channel<JsonElement> AccessChanges { get; } = Channel.CreateUnbounded<JsonElement>();

    /// <summary>Connects a new client to <paramref name="server"/> and joins <paramref name="padId"/> with <paramref name="token"/>.</summary>
    public static async Task<HubPadMember> JoinAsync(Uri server, string padId, string token)
    {
        var client = await HubPadClient.ConnectAsync(server);
        var member = new HubPadMember(client, padId);
        // Before the Join: an access change may follow it at once.
        client.Connection.On<JsonElement>("AccessChanged", e => member.AccessChanges.Writer.TryWrite(e));
        member.Joined = await client.JoinAsync(padId, token);
        return member;
    }

    public static async Task DisposeAllAsync(params HubPadMember[] members)
    {
        foreach (var member in members)
        {
            await member.DisposeAsync();
        }
    }

    /// <summary>The next <c>AccessChanged</c> event, within 30 s.</summary>
    public async Task<JsonElement> NextAccessChangeAsync() => await AccessChanges.Reader.ReadAsync().AsTask().WaitAsync(Deadline);

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
