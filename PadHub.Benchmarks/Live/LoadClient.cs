using Microsoft.AspNetCore.SignalR;
using PadHub.Core.Client;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// One simulated participant of a pad: the ot.js client state machine (<see cref="OtClient"/>: one operation in flight,
/// later edits composed into a buffer), strict revision order (<see cref="RevisionSequencer{T}"/> for acknowledgements
/// and remote operations alike) and its own copy of the text. A typist types into its own line; a follower only applies
/// what arrives. The transport (<see cref="LoadClientKind"/>) is a subclass: it makes the three calls and hands every
/// event it receives to <see cref="OnOpApplied"/>, <see cref="OnResyncRequired"/>, <see cref="OnPresenceChanged"/> and
/// <see cref="OnClosed"/>.
/// </summary>
internal abstract partial class LoadClient : IAsyncDisposable
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz     etaoinshr";
    private readonly Lock _gate = new();
    private readonly LoadRun _run;
    private readonly Random _random;
    private readonly List<long> _bufferedEditTimes = [];
    private OtClient? _client;
    private RevisionSequencer<CommittedOp>? _sequencer;
    private ChunkedText? _text;
    private string _padId = "";
    private int _caret;
    private int _ownRun;
    private int _outstandingEdits;
    private volatile bool _disposing;

    protected LoadClient(LoadRun run, string clientId, int seed, bool observer)
    {
        _run = run;
        _random = new Random(seed);
        ClientId = clientId;
        IsObserver = observer;
    }

    public string ClientId { get; }

    /// <summary>The public tag Join returned: this client's committed operations carry it.</summary>
    public string ClientTag { get; private set; } = "";

    /// <summary>Records echo latency of the others' edits (a sample of the clients).</summary>
    public bool IsObserver { get; }

    /// <summary>Called (under this client's lock) with every other client's operation as committed, in revision order.</summary>
    public Action<string, TextOperation>? RemoteApplied { get; set; }

    /// <summary>A failure stopped this client (it stops typing; the divergence check reports it).</summary>
    public string? Failure { get; private set; }

    /// <summary>Set once <see cref="DisposeAsync"/> has begun: the connection closing is expected.</summary>
    protected bool Disposing => _disposing;

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

    public static async Task<LoadClient> ConnectAsync(LoadClientKind kind, Uri server, LoadRun run, string clientId, int seed, bool observer, CancellationToken cancellationToken) =>
        kind switch
        {
            LoadClientKind.Lean => await LeanLoadClient.ConnectAsync(server, run, clientId, seed, observer, cancellationToken).ConfigureAwait(false),
            LoadClientKind.Hub => await HubLoadClient.ConnectAsync(server, run, clientId, seed, observer, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown load client."),
        };

    /// <summary>Joins; a typist puts its caret at the end of its own line (<paramref name="caretAfter"/>).</summary>
    public async Task JoinAsync(string padId, string token, string displayName, string? caretAfter, CancellationToken cancellationToken)
    {
        var joined = await InvokeJoinAsync(new JoinRequest(padId, token, ClientId, displayName), cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _padId = padId;
            ClientTag = joined.ClientTag;

            // Own operations come back marked with the client tag (the client id is never sent to anyone).
            _client = new OtClient(ClientTag, joined.Revision);
            _sequencer = new RevisionSequencer<CommittedOp>(joined.Revision);
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

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        await DisposeTransportAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Calls <c>Join</c>.</summary>
    protected abstract Task<JoinResult> InvokeJoinAsync(JoinRequest request, CancellationToken cancellationToken);

    /// <summary>Calls <c>Submit</c> and returns the revision; a refusal is a <see cref="HubException"/> with the server's message.</summary>
    protected abstract Task<int> InvokeSubmitAsync(SubmitRequest request);

    /// <summary>Calls <c>GetHistory</c>.</summary>
    protected abstract Task<HistoryPage> InvokeGetHistoryAsync(HistoryRequest request);

    /// <summary>Closes the connection (<see cref="Disposing"/> is already set).</summary>
    protected abstract ValueTask DisposeTransportAsync();

    /// <summary>An <c>OpApplied</c> event: applied now, in revision order, on the calling thread.</summary>
    protected void OnOpApplied(CommittedOp operation)
    {
        _run.Delivered();
        Deliver(operation);
    }

    protected void OnResyncRequired() => _ = ResyncAsync();

    protected void OnPresenceChanged() => _run.PresenceReceived();

    protected void OnClosed(Exception? exception)
    {
        if (!Disposing)
        {
            Fail("disconnected", exception);
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
                _run.Sent(ClientTag, send.Seq, [now]);
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
                var revision = await InvokeSubmitAsync(
                    new SubmitRequest(_padId, ClientId, operation.Seq, operation.BaseRevision, operation.Operation)).ConfigureAwait(false);
                var now = LoadRun.Now;
                if (_run.InWindow(sentAt))
                {
                    _run.SubmitRoundTrip.Add(now - sentAt);
                }

                Deliver(new CommittedOp(revision, null, ClientTag, operation.Seq));
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

    /// <summary>Stops this client for good: the first failure is kept and counted by its code.</summary>
    protected void Fail(string code, Exception? exception)
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
}
