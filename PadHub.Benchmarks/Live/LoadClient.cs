using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Core.Client;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// One simulated participant on a real <see cref="HubConnection"/> (WebSockets on loopback): the ot.js client state
/// machine (<see cref="OtClient"/>: one operation in flight, later edits composed into a buffer), strict revision order
/// (<see cref="RevisionSequencer{T}"/> for acknowledgements and remote operations alike) and its own copy of the text.
/// A typist types into its own line; a follower only applies what arrives.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz     etaoinshr";
    private readonly Lock _gate = new();
    private readonly HubConnection _connection;
    private readonly LoadRun _run;
    private readonly Random _random;
    private readonly List<long> _bufferedEditTimes = [];
    private OtClient? _client;
    private RevisionSequencer<Committed>? _sequencer;
    private ChunkedText? _text;
    private string _padId = "";
    private int _caret;
    private int _ownRun;
    private int _outstandingEdits;

    private LoadClient(HubConnection connection, LoadRun run, string clientId, int seed, bool observer)
    {
        _connection = connection;
        _run = run;
        _random = new Random(seed);
        ClientId = clientId;
        IsObserver = observer;
        _connection.On<OpApplied>("OpApplied", e =>
        {
            _run.Delivered();
            Deliver(new Committed(e.Revision, e.Ops, e.ClientId, e.Seq));
        });
        _connection.On<ResyncRequired>("ResyncRequired", e => _ = ResyncAsync());
        _connection.On<JsonElement>("PresenceChanged", _ => _run.PresenceReceived());
        _connection.Closed += ex =>
        {
            if (!Disposing)
            {
                Fail("disconnected", ex);
            }

            return Task.CompletedTask;
        };
    }

    public string ClientId { get; }

    /// <summary>Records echo latency of the others' edits (a sample of the clients).</summary>
    public bool IsObserver { get; }

    /// <summary>Called (under this client's lock) with every other client's operation as committed, in revision order.</summary>
    public Action<string, TextOperation>? RemoteApplied { get; set; }

    /// <summary>A failure stopped this client (it stops typing; the divergence check reports it).</summary>
    public string? Failure { get; private set; }

    private bool Disposing { get; set; }

    public int Revision
    {
        get
        {
            lock (_gate)
            {
                return _sequencer?.Revision ?? -1;
            }
        }
    }

    public bool IsSynchronized
    {
        get
        {
            lock (_gate)
            {
                return _client?.State == OtClientState.Synchronized;
            }
        }
    }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text?.ToString() ?? "";
            }
        }
    }

    public static async Task<LoadClient> ConnectAsync(Uri server, LoadRun run, string clientId, int seed, bool observer, CancellationToken cancellationToken)
    {
        var connection = CreateConnection(server);
        await connection.StartAsync(cancellationToken);
        return new LoadClient(connection, run, clientId, seed, observer);
    }

    public static HubConnection CreateConnection(Uri server) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/pad"), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.Converters.Add(new TextOperationJsonConverter());
                o.PayloadSerializerOptions.Converters.Add(new OpAppliedJsonConverter());
            })
            .Build();

    /// <summary>Joins; a typist puts its caret at the end of its own line (<paramref name="caretAfter"/>).</summary>
    public async Task JoinAsync(string padId, string token, string displayName, string? caretAfter, CancellationToken cancellationToken)
    {
        var joined = await _connection.InvokeAsync<JoinResult>("Join", new JoinRequest(padId, token, ClientId, displayName), cancellationToken);
        lock (_gate)
        {
            _padId = padId;
            _client = new OtClient(ClientId, joined.Revision);
            _sequencer = new RevisionSequencer<Committed>(joined.Revision);
            _text = new ChunkedText(joined.Text);
            if (caretAfter is not null)
            {
                var line = joined.Text.IndexOf(caretAfter, StringComparison.Ordinal);
                if (line < 0)
                {
                    throw new InvalidOperationException($"Line '{caretAfter}' is not in the pad.");
                }

                _caret = line + caretAfter.Length;
            }
        }
    }

    /// <summary>
    /// Types until <paramref name="stopAt"/>: Poisson arrivals at <paramref name="rate"/> edits per second on an absolute
    /// schedule (a late edit does not push the later ones back).
    /// </summary>
    public async Task TypeAsync(double rate, long stopAt, CancellationToken cancellationToken)
    {
        var tick = (double)System.Diagnostics.Stopwatch.Frequency;
        var next = LoadRun.Now + (long)(_random.NextDouble() / rate * tick);
        while (next < stopAt && Failure is null && !cancellationToken.IsCancellationRequested)
        {
            var wait = LatencySamples.ToMs(next - LoadRun.Now);
            if (wait >= 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken).ConfigureAwait(false);
            }

            var now = LoadRun.Now;
            if (_run.InWindow(now))
            {
                _run.ScheduleLag.Add(Math.Max(0, now - next));
            }

            Edit();
            next += (long)(-Math.Log(1 - _random.NextDouble()) / rate * tick);
        }
    }

    /// <summary>One keystroke at the caret: mostly a character, sometimes a backspace over this typist's own text.</summary>
    private void Edit()
    {
        OutgoingOperation? send;
        lock (_gate)
        {
            var length = _text!.Length;
            // Lines stay short (about 60 characters): past that, typists delete more than they type.
            var deleteChance = _ownRun > 60 ? 0.6 : 0.12;
            TextOperation operation;
            if (_ownRun > 0 && _random.NextDouble() < deleteChance)
            {
                operation = TextOperation.ForDelete(length, _caret - 1, 1);
                _caret--;
                _ownRun--;
            }
            else
            {
                operation = TextOperation.ForInsert(length, _caret, Letters[_random.Next(Letters.Length)].ToString());
                _caret++;
                _ownRun++;
            }

            _text.Apply(operation);
            var now = LoadRun.Now;
            send = _client!.ApplyLocal(operation);
            if (send is null)
            {
                _bufferedEditTimes.Add(now);
            }
            else
            {
                _run.Sent(ClientId, send.Seq, [now]);
                _outstandingEdits = 1;
            }

            _run.EditMade();
        }

        if (send is not null)
        {
            _ = SubmitAsync(send);
        }
    }

    private async Task SubmitAsync(OutgoingOperation operation)
    {
        while (true)
        {
            var sentAt = LoadRun.Now;
            try
            {
                var result = await _connection.InvokeAsync<SubmitResult>("Submit",
                    new SubmitRequest(_padId, ClientId, operation.Seq, operation.BaseRevision, operation.Operation)).ConfigureAwait(false);
                var now = LoadRun.Now;
                if (_run.InWindow(sentAt))
                {
                    _run.SubmitRoundTrip.Add(now - sentAt);
                }

                Deliver(new Committed(result.Revision, null, ClientId, operation.Seq));
                return;
            }
            catch (HubException ex) when (ErrorCode(ex) == "rate-limited")
            {
                _run.Error("rate-limited");
                await Task.Delay(100).ConfigureAwait(false); // resend under the same seq, as the protocol says
            }
#pragma warning disable CA1031 // Counted by code and reported; the client stops.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fail(ex is HubException hub ? ErrorCode(hub) : ex.GetType().Name, ex);
                return;
            }
        }
    }

    private async Task ResyncAsync()
    {
        _run.ResyncReceived();
        try
        {
            var history = await _connection.InvokeAsync<HistoryItem[]>("GetHistory", new HistoryRequest(_padId, Revision)).ConfigureAwait(false);
            foreach (var item in history)
            {
                Deliver(new Committed(item.Revision, item.Ops, item.ClientId, item.Seq));
            }
        }
#pragma warning disable CA1031 // Counted by code and reported; the client stops.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex is HubException hub ? ErrorCode(hub) : ex.GetType().Name, ex);
        }
    }

    private void Deliver(Committed committed)
    {
        OutgoingOperation? send = null;
        var now = LoadRun.Now;
        lock (_gate)
        {
            try
            {
                foreach (var ready in _sequencer!.Offer(committed.Revision, committed))
                {
                    if (string.Equals(ready.ClientId, ClientId, StringComparison.Ordinal))
                    {
                        _run.Acknowledged(_outstandingEdits);
                        send = _client!.ServerAck(ready.Revision);
                        if (send is not null)
                        {
                            _run.Sent(ClientId, send.Seq, [.. _bufferedEditTimes]);
                            _outstandingEdits = _bufferedEditTimes.Count;
                            _bufferedEditTimes.Clear();
                        }
                    }
                    else
                    {
                        var apply = _client!.ApplyServer(ready.Revision, ready.Operation!);
                        _text!.Apply(apply);
                        _caret = apply.TransformCaret(_caret);
                        if (IsObserver)
                        {
                            _run.Observed(ready.ClientId, ready.Seq, now);
                        }

                        RemoteApplied?.Invoke(ready.ClientId, ready.Operation!);
                    }
                }
            }
#pragma warning disable CA1031 // A protocol violation is a divergence: counted, reported, the client stops.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fail("client-protocol", ex);
            }
        }

        if (send is not null)
        {
            _ = SubmitAsync(send);
        }
    }

    private void Fail(string code, Exception? exception)
    {
        lock (_gate)
        {
            if (Failure is not null)
            {
                return;
            }

            Failure = $"{code}: {exception?.Message}";
        }

        _run.Error(code);
    }

    /// <summary>The stable code of a PadHub error: the text between "HubException: " and the next colon (PROTOCOL.md).</summary>
    internal static string ErrorCode(HubException exception)
    {
        const string marker = "HubException: ";
        var message = exception.Message;
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        start = start < 0 ? 0 : start + marker.Length;
        var end = message.IndexOf(':', start);
        return end < 0 ? "hub-error" : message[start..end];
    }

    public async ValueTask DisposeAsync()
    {
        Disposing = true;
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record Committed(int Revision, TextOperation? Operation, string ClientId, long Seq);
}
