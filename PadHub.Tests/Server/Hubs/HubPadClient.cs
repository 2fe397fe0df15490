using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Server.Hubs;

/// <summary>
/// A programmatic /hubs/pad client as a bot would write it: a real HubConnection, the ot.js client state machine and
/// strict revision order (acknowledgements and remote operations alike go through one sequencer).
/// </summary>
internal sealed class HubPadClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly HubConnection _connection;
    private RevisionSequencer<CommittedOperation>? _sequencer;
    private OtClient? _client;
    private string? _padId;

    private HubPadClient(HubConnection connection, string clientId)
    {
        _connection = connection;
        ClientId = clientId;
        _connection.On<JsonElement>("OpApplied", e =>
        {
            var committed = new CommittedOperation(
                e.GetProperty("revision").GetInt32(),
                TextOperation.Parse(e.GetProperty("ops").GetRawText()),
                e.GetProperty("authorId").GetString()!,
                e.GetProperty("clientTag").GetString()!,
                e.GetProperty("seq").GetInt64());
            Deliver(committed);
        });
    }

    /// <summary>The secret id this client joins and submits with.</summary>
    public string ClientId { get; }

    /// <summary>The public tag Join returned: the client's own operations carry it (never its id).</summary>
    public string? ClientTag { get; private set; }

    /// <summary>The author id Join returned.</summary>
    public string? AuthorId { get; private set; }

    public HubConnection Connection => _connection;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _client!.Document!;
            }
        }
    }

    public int Revision
    {
        get
        {
            lock (_gate)
            {
                return _client!.Revision;
            }
        }
    }

    public bool IsSynchronized
    {
        get
        {
            lock (_gate)
            {
                return _client!.State == OtClientState.Synchronized;
            }
        }
    }

    /// <summary>Errors raised while handling events (a failed submit, a protocol violation): a test checks it stays empty.</summary>
    public List<Exception> Errors { get; } = [];

    public static async Task<HubPadClient> ConnectAsync(Uri server, string? clientId = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/pad"))
            .Build();
        await connection.StartAsync();
        return new HubPadClient(connection, clientId ?? Guid.NewGuid().ToString("N"));
    }

    public async Task<JsonElement> JoinAsync(string padId, string token, string displayName = "Bot")
    {
        var joined = await _connection.InvokeAsync<JsonElement>("Join", new { padId, token, clientId = ClientId, displayName });
        lock (_gate)
        {
            _padId = padId;
            var revision = joined.GetProperty("revision").GetInt32();
            ClientTag = joined.GetProperty("clientTag").GetString()!;
            AuthorId = joined.GetProperty("authorId").GetString()!;

            // The state machine recognises its own committed operations by this identity: the tag, as events carry it.
            _client = new OtClient(ClientTag, revision, joined.GetProperty("text").GetString());
            _sequencer = new RevisionSequencer<CommittedOperation>(revision);
        }

        return joined;
    }

    /// <summary>Applies a local edit made against the current local text and sends it if nothing is in flight.</summary>
    public void Edit(Func<string, TextOperation> makeEdit)
    {
        OutgoingOperation? toSend;
        lock (_gate)
        {
            toSend = _client!.ApplyLocal(makeEdit(_client.Document!));
        }

        Send(toSend);
    }

    public Task<JsonElement> InvokeAsync(string method, object request) => _connection.InvokeAsync<JsonElement>(method, request);

    private void Send(OutgoingOperation? operation)
    {
        if (operation is null)
        {
            return;
        }

        _ = SendAsync(operation);
    }

    private async Task SendAsync(OutgoingOperation operation)
    {
        try
        {
            var ops = JsonNode.Parse(operation.Operation.ToJson());
            var result = await _connection.InvokeAsync<JsonElement>("Submit",
                new { padId = _padId, clientId = ClientId, seq = operation.Seq, baseRevision = operation.BaseRevision, ops });
            var revision = result.GetProperty("revision").GetInt32();
            Deliver(new CommittedOperation(revision, operation.Operation, "", ClientTag!, operation.Seq));
        }
#pragma warning disable CA1031 // Recorded for the test to assert on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                Errors.Add(ex);
            }
        }
    }

    private void Deliver(CommittedOperation committed)
    {
        var sends = new List<OutgoingOperation>();
        lock (_gate)
        {
            try
            {
                foreach (var ready in _sequencer!.Offer(committed.Revision, committed))
                {
                    if (string.Equals(ready.ClientId, ClientTag, StringComparison.Ordinal))
                    {
                        if (_client!.ServerAck(ready.Revision) is { } next)
                        {
                            sends.Add(next);
                        }
                    }
                    else
                    {
                        _client!.ApplyServer(ready.Revision, ready.Operation);
                    }
                }
            }
#pragma warning disable CA1031 // Recorded for the test to assert on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Errors.Add(ex);
            }
        }

        foreach (var send in sends)
        {
            Send(send);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
