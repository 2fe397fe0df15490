using System.Collections.Concurrent;
using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// A <see cref="LoadClient"/> that speaks SignalR's JSON hub protocol (version 1) itself on a
/// <see cref="ClientWebSocket"/>: the same hub, methods and wire messages as <see cref="HubLoadClient"/>, at a fraction of
/// its CPU per received message, so that hundreds of clients fit beside the server on the same two cores.
/// </summary>
/// <remarks>
/// <para>
/// One receive loop per connection reads into one pooled buffer, splits it on the record separator (a message may span
/// receives; one receive may hold many messages, as the server writes runs of <c>OpApplied</c> in one frame) and handles
/// each message synchronously, in the loop: an <c>OpApplied</c> goes from <see cref="Utf8JsonReader"/> straight into the
/// client's state under its lock, with no Task, no handler lookup and no JsonElement per message. Invocation results
/// complete their Task inline too, so a Submit's acknowledgement, and the next Submit it releases, also run in the loop.
/// </para>
/// <para>
/// What HubConnection does and this does not: negotiation (the server accepts WebSockets without it), reconnects (a
/// load client that loses its connection fails and is reported), streaming, client results, MessagePack. Keep-alive as
/// HubConnection's defaults: a ping every 10 s, well inside the server's ClientTimeoutInterval (30 s), and a failure when
/// nothing arrived for 30 s (the server pings an idle connection every 15 s).
/// </para>
/// </remarks>
internal sealed class LeanLoadClient : LoadClient
{
    private const byte RecordSeparator = 0x1E;
    private const int InitialReceiveBuffer = 16 * 1024;
    private const int InvocationType = 1;
    private const int CompletionType = 3;
    private const int PingType = 6;
    private const int CloseType = 7;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private static readonly byte[] HandshakeRequest = [.. """{"protocol":"json","version":1}"""u8, RecordSeparator];
    private static readonly byte[] PingMessage = [.. """{"type":6}"""u8, RecordSeparator];

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<long, PendingInvocation> _pending = [];
    private readonly CancellationTokenSource _stopping = new();
    private long _nextInvocationId;
    private long _lastReceived = Environment.TickCount64;
    private byte[] _receiveBuffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBuffer);
    private int _receiveStart;
    private int _receiveEnd;
    private Task _receiving = Task.CompletedTask;
    private Task _keepingAlive = Task.CompletedTask;

    private LeanLoadClient(ClientWebSocket socket, LoadRun run, string clientId, int seed, bool observer)
        : base(run, clientId, seed, observer)
    {
        _socket = socket;
        _writer = new Utf8JsonWriter(_sendBuffer);
    }

    private delegate T ResultReader<out T>(ref Utf8JsonReader reader);

    public static async Task<LeanLoadClient> ConnectAsync(Uri server, LoadRun run, string clientId, int seed, bool observer, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(new Uri(server, "hubs/pad")) { Scheme = server.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        var socket = new ClientWebSocket();
        // A crowded pad's paced writes arrive as frames of several KB: read them in one receive, not 4 KB at a time.
        socket.Options.SetBuffer(64 * 1024, 4 * 1024);
        var client = new LeanLoadClient(socket, run, clientId, seed, observer);
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            await client.HandshakeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        client._receiving = client.ReceiveLoopAsync();
        client._keepingAlive = client.KeepAliveAsync();
        return client;
    }

    protected override Task<JoinResult> InvokeJoinAsync(JoinRequest request, CancellationToken cancellationToken) =>
        InvokeAsync(
            "Join",
            w =>
            {
                w.WriteString("padId"u8, request.PadId);
                w.WriteString("token"u8, request.Token);
                w.WriteString("clientId"u8, request.ClientId);
                w.WriteString("displayName"u8, request.DisplayName);
            },
            static (ref Utf8JsonReader r) => JsonSerializer.Deserialize<JoinResult>(ref r, JsonSerializerOptions.Web)
                ?? throw new JsonException("Join returned null."),
            inline: false,
            cancellationToken);

    protected override Task<int> InvokeSubmitAsync(SubmitRequest request) =>
        InvokeAsync(
            "Submit",
            w =>
            {
                w.WriteString("padId"u8, request.PadId);
                w.WriteString("clientId"u8, request.ClientId);
                w.WriteNumber("seq"u8, request.Seq);
                w.WriteNumber("baseRevision"u8, request.BaseRevision);
                w.WritePropertyName("ops"u8);
                request.Ops.Write(w);
            },
            static (ref Utf8JsonReader r) => ReadRevision(ref r),
            inline: true,
            CancellationToken.None);

    protected override Task<HistoryPage> InvokeGetHistoryAsync(HistoryRequest request) =>
        InvokeAsync<HistoryPage>(
            "GetHistory",
            w =>
            {
                w.WriteString("padId"u8, request.PadId);
                w.WriteNumber("fromRevision"u8, request.FromRevision);
            },
            static (ref Utf8JsonReader r) => ReadHistory(ref r),
            inline: true,
            CancellationToken.None);

    protected override async ValueTask DisposeTransportAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_socket.State == WebSocketState.Open)
        {
            // A clean close: the server leaves the pad at once and the receive loop ends on the server's close frame.
            using var timeout = new CancellationTokenSource(CloseTimeout);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                await _receiving.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                // The connection is going anyway; Abort below ends the receive loop.
            }
        }

        _socket.Abort();
        await Task.WhenAll(_receiving, _keepingAlive).ConfigureAwait(false);
        ReturnReceiveBuffer(); // when the receive loop never ran (a failed connect or handshake)
        _socket.Dispose();
        _writer.Dispose();
        _sendLock.Dispose();
        _stopping.Dispose();
    }

    private static int ReadRevision(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Submit's result: expected an object.");
        }

        int? revision = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRevision = reader.ValueTextEquals("revision"u8);
            reader.Read();
            if (isRevision)
            {
                revision = reader.GetInt32();
            }
            else
            {
                reader.Skip();
            }
        }

        return revision ?? throw new JsonException("Submit's result has no 'revision'.");
    }

    private static HistoryPage ReadHistory(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("GetHistory's result: expected an object.");
        }

        var operations = new List<CommittedOp>();
        int head = 0;
        var hasMore = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("operations"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    operations.Add(CommittedOp.Read(ref reader));
                }
            }
            else if (reader.ValueTextEquals("headRevision"u8))
            {
                reader.Read();
                head = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("hasMore"u8))
            {
                reader.Read();
                hasMore = reader.GetBoolean();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new HistoryPage(operations, head, hasMore);
    }

    /// <summary>Sends <c>{"protocol":"json","version":1}</c> and reads the server's answer: <c>{}</c>, or an error.</summary>
    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        await _socket.SendAsync(HandshakeRequest, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        int separator;
        while ((separator = _receiveBuffer.AsSpan(_receiveStart, _receiveEnd - _receiveStart).IndexOf(RecordSeparator)) < 0)
        {
            if (!await ReceiveMoreAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new WebSocketException("The server closed the connection during the SignalR handshake.");
            }
        }

        var response = new Utf8JsonReader(_receiveBuffer.AsSpan(_receiveStart, separator));
        _receiveStart += separator + 1; // anything after the handshake is the first messages: the receive loop reads them
        response.Read();
        while (response.Read() && response.TokenType == JsonTokenType.PropertyName)
        {
            if (response.ValueTextEquals("error"u8))
            {
                response.Read();
                throw new WebSocketException($"SignalR handshake refused: {response.GetString()}");
            }

            response.Read();
            response.Skip();
        }
    }

    /// <summary>
    /// Receives more bytes after <see cref="_receiveEnd"/>, first moving an unfinished message to the front of the buffer
    /// when little room is left or, when one message fills it, doubling it. False when the server closed the connection.
    /// </summary>
    private async ValueTask<bool> ReceiveMoreAsync(CancellationToken cancellationToken)
    {
        if (_receiveStart == _receiveEnd)
        {
            _receiveStart = _receiveEnd = 0;
        }
        else if (_receiveStart > 0 && _receiveBuffer.Length - _receiveEnd < _receiveBuffer.Length / 4)
        {
            _receiveBuffer.AsSpan(_receiveStart, _receiveEnd - _receiveStart).CopyTo(_receiveBuffer);
            _receiveEnd -= _receiveStart;
            _receiveStart = 0;
        }

        if (_receiveEnd == _receiveBuffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_receiveBuffer.Length * 2);
            _receiveBuffer.AsSpan(0, _receiveEnd).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_receiveBuffer);
            _receiveBuffer = larger;
        }

        var result = await _socket.ReceiveAsync(_receiveBuffer.AsMemory(_receiveEnd), cancellationToken).ConfigureAwait(false);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return false;
        }

        _receiveEnd += result.Count;
        Volatile.Write(ref _lastReceived, Environment.TickCount64);
        return true;
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? error;
        try
        {
            // The first messages may have come in with the handshake's answer.
            var scannedPast = 0; // bytes after _receiveStart known to hold no separator (an unfinished message)
            do
            {
                int separator;
                while ((separator = _receiveBuffer.AsSpan(_receiveStart + scannedPast, _receiveEnd - _receiveStart - scannedPast).IndexOf(RecordSeparator)) >= 0)
                {
                    var length = scannedPast + separator;
                    try
                    {
                        Dispatch(_receiveBuffer.AsSpan(_receiveStart, length));
                    }
                    catch (Exception ex)
                    {
                        Fail("client-protocol", ex); // a message this client cannot read: it stops, as on a divergence
                        throw;
                    }

                    _receiveStart += length + 1;
                    scannedPast = 0;
                }

                scannedPast = _receiveEnd - _receiveStart;
            }
            while (await ReceiveMoreAsync(CancellationToken.None).ConfigureAwait(false));

            error = new WebSocketException($"The server closed the connection ({_socket.CloseStatus} {_socket.CloseStatusDescription}).");
        }
#pragma warning disable CA1031 // Whatever ended the loop ends the client: reported through OnClosed, awaited by nobody.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex;
        }

        ReturnReceiveBuffer();
        OnClosed(error);
        _socket.Abort(); // after a refused message the server would go on writing to a client that no longer reads
        FailPending(new IOException("The hub connection closed before the call completed.", error));
    }

    private void ReturnReceiveBuffer()
    {
        if (_receiveBuffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_receiveBuffer);
            _receiveBuffer = [];
            _receiveStart = _receiveEnd = 0;
        }
    }

    /// <summary>One hub message: the envelope is read in one pass; an invocation's argument is handled where it stands.</summary>
    private void Dispatch(ReadOnlySpan<byte> message)
    {
        if (DecodedEvents.TryGet(message, out var decoded))
        {
            OnOpApplied(decoded); // the very bytes another client of this process has already decoded
            return;
        }

        var reader = new Utf8JsonReader(message);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A hub message must be a JSON object.");
        }

        var type = -1;
        var target = Target.Unknown;
        long invocationId = -1;
        string? error = null;
        var handled = false;
        var deferredAt = -1; // arguments or result read before the fields that say what they are (any order is legal)
        var deferredEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = reader.ValueTextEquals("OpApplied"u8) ? Target.OpApplied
                    : reader.ValueTextEquals("PresenceChanged"u8) ? Target.PresenceChanged
                    : reader.ValueTextEquals("ResyncRequired"u8) ? Target.ResyncRequired
                    : Target.Other; // CaretMoved, AccessChanged: not used by the load
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                if (type == InvocationType && target != Target.Unknown)
                {
                    HandleEvent(target, ref reader, message);
                    handled = true;
                }
                else
                {
                    deferredAt = (int)reader.TokenStartIndex;
                    reader.Skip();
                    deferredEnd = (int)reader.BytesConsumed;
                }
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                deferredAt = (int)reader.TokenStartIndex;
                reader.Skip();
                deferredEnd = (int)reader.BytesConsumed;
            }
            else if (reader.ValueTextEquals("invocationId"u8))
            {
                reader.Read();
                if (!Utf8Parser.TryParse(reader.ValueSpan, out invocationId, out _))
                {
                    throw new JsonException("An invocationId this client did not send.");
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        switch (type)
        {
            case InvocationType when !handled && deferredAt >= 0:
                var arguments = new Utf8JsonReader(message[deferredAt..deferredEnd]);
                arguments.Read();
                HandleEvent(target, ref arguments, message);
                break;
            case CompletionType:
                Complete(invocationId, error, deferredAt < 0 ? [] : message[deferredAt..deferredEnd]);
                break;
            case CloseType:
                // The server closes the socket next; the receive loop's end fails the client unless it is disposing.
                OnClosed(new WebSocketException($"The server closed the hub connection: {error ?? "no error"}."));
                break;
            case PingType:
            default:
                break; // a ping only proves the server is there (_lastReceived); streaming is not used
        }
    }

    /// <summary>An event; <paramref name="reader"/> is on the arguments' <c>[</c> and is left on their <c>]</c>.</summary>
    private void HandleEvent(Target target, ref Utf8JsonReader reader, ReadOnlySpan<byte> message)
    {
        if (target == Target.OpApplied)
        {
            reader.Read();
            var operation = CommittedOp.Read(ref reader);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
            }

            DecodedEvents.Add(message, operation);
            OnOpApplied(operation);
            return;
        }

        reader.Skip();
        if (target == Target.PresenceChanged)
        {
            OnPresenceChanged();
        }
        else if (target == Target.ResyncRequired)
        {
            OnResyncRequired();
        }
    }

    /// <summary>
    /// Sends an invocation of <paramref name="target"/> with one object argument and waits for its completion, whose
    /// result <paramref name="readResult"/> reads in the receive loop. With <paramref name="inline"/> the caller's
    /// continuation runs there too (this client's own code: Submit's acknowledgement, a resync), else on the thread pool
    /// (Join: the load command's code, which must not hold up this connection's events).
    /// </summary>
    private async Task<T> InvokeAsync<T>(string target, Action<Utf8JsonWriter> writeArgument, ResultReader<T> readResult, bool inline, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextInvocationId);
        var pending = new PendingInvocation<T>(readResult, inline);
        lock (_pending)
        {
            _pending.Add(id, pending);
        }

        try
        {
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _sendBuffer.ResetWrittenCount();
                _writer.Reset(_sendBuffer);
                _writer.WriteStartObject();
                _writer.WriteNumber("type"u8, InvocationType);
                Span<byte> digits = stackalloc byte[20];
                Utf8Formatter.TryFormat(id, digits, out var length);
                _writer.WriteString("invocationId"u8, digits[..length]);
                _writer.WriteString("target"u8, target);
                _writer.WriteStartArray("arguments"u8);
                _writer.WriteStartObject();
                writeArgument(_writer);
                _writer.WriteEndObject();
                _writer.WriteEndArray();
                _writer.WriteEndObject();
                _writer.Flush();
                _sendBuffer.Write([RecordSeparator]);
                await _socket.SendAsync(_sendBuffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch
        {
            lock (_pending)
            {
                _pending.Remove(id);
            }

            throw;
        }

        return await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Complete(long invocationId, string? error, ReadOnlySpan<byte> result)
    {
        PendingInvocation? pending;
        lock (_pending)
        {
            _pending.Remove(invocationId, out pending);
        }

        if (pending is null)
        {
            return; // not ours, or the caller gave up
        }

        if (error is not null)
        {
            pending.Fail(new HubException(error)); // as HubConnection: LoadClient.ErrorCode reads the same message
        }
        else
        {
            pending.Complete(result);
        }
    }

    private void FailPending(Exception exception)
    {
        PendingInvocation[] pending;
        lock (_pending)
        {
            pending = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (var invocation in pending)
        {
            invocation.Fail(exception);
        }
    }

    /// <summary>Pings the server every 10 s, and fails the client when the server has been silent for 30 s.</summary>
    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                if (Environment.TickCount64 - Volatile.Read(ref _lastReceived) > ServerTimeout.TotalMilliseconds)
                {
                    Fail("server-timeout", new TimeoutException($"Nothing received from the server for {ServerTimeout.TotalSeconds} s."));
                    _socket.Abort();
                    return;
                }

                await _sendLock.WaitAsync(_stopping.Token).ConfigureAwait(false);
                try
                {
                    await _socket.SendAsync(PingMessage, WebSocketMessageType.Text, endOfMessage: true, _stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // disposing
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The socket is gone: the receive loop reports it.
        }
    }

    private enum Target
    {
        Unknown,
        OpApplied,
        PresenceChanged,
        ResyncRequired,
        Other,
    }

    private abstract class PendingInvocation
    {
        public abstract void Complete(ReadOnlySpan<byte> result);

        public abstract void Fail(Exception exception);
    }

    /// <summary>A call waiting for its completion (see <see cref="InvokeAsync"/> for <paramref name="inline"/>).</summary>
    private sealed class PendingInvocation<T>(ResultReader<T> readResult, bool inline) : PendingInvocation
    {
        private readonly TaskCompletionSource<T> _completion =
            new(inline ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _completion.Task;

        public override void Complete(ReadOnlySpan<byte> result)
        {
            T value;
            try
            {
                var reader = new Utf8JsonReader(result);
                reader.Read();
                value = readResult(ref reader);
            }
#pragma warning disable CA1031 // Whatever the result held, the caller gets it as its failure.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _completion.TrySetException(ex);
                return;
            }

            _completion.TrySetResult(value);
        }

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}

/// <summary>
/// The last few thousand <c>OpApplied</c> messages decoded in this process, by their exact bytes. The server sends one
/// committed operation to every connection as the same bytes, so 450 simulated clients would decode the same ~200
/// bytes 450 times; here the first client decodes them and the others compare their own received bytes with the
/// decoded ones (all of them, not a hash) and reuse the immutable result. Each client still receives, frames and
/// checks every message itself and applies it to its own OT state and text, so the divergence check is unchanged; a
/// message whose bytes differ in any way is decoded on its own.
/// </summary>
internal static class DecodedEvents
{
    private const int Capacity = 8_192;
    private const int HashedTail = 48;
    private static readonly ConcurrentDictionary<int, Entry> ByHash = new();
    private static readonly ConcurrentQueue<int> Order = new();

    public static bool TryGet(ReadOnlySpan<byte> message, out CommittedOp operation)
    {
        if (ByHash.TryGetValue(Hash(message), out var entry) && message.SequenceEqual(entry.Bytes))
        {
            operation = entry.Operation;
            return true;
        }

        operation = default;
        return false;
    }

    public static void Add(ReadOnlySpan<byte> message, CommittedOp operation)
    {
        var hash = Hash(message);
        if (!ByHash.TryAdd(hash, new Entry(message.ToArray(), operation)))
        {
            return; // decoded by another client meanwhile (or other bytes with the same hash: those stay uncached)
        }

        Order.Enqueue(hash);
        while (Order.Count > Capacity && Order.TryDequeue(out var oldest))
        {
            ByHash.TryRemove(oldest, out _);
        }
    }

    // The length and the last bytes only: an OpApplied ends with its clientId and seq, which tell operations apart, and
    // TryGet compares every byte anyway (two messages with the same key just leave the later one uncached).
    private static int Hash(ReadOnlySpan<byte> message)
    {
        var hash = new HashCode();
        hash.Add(message.Length);
        hash.AddBytes(message[Math.Max(0, message.Length - HashedTail)..]);
        return hash.ToHashCode();
    }

    private sealed record Entry(byte[] Bytes, CommittedOp Operation);
}
