using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// An attacker's connection to <c>/hubs/pad</c>: SignalR's JSON hub protocol spoken directly on a WebSocket, so that
/// each hostile Submit is one pre-built frame patched in place (a few digits), not 1.8 MB serialised again by the
/// generator on the same two cores as the server. Events the server pushes are read and dropped; completions are
/// counted by their error code.
/// </summary>
internal sealed class HostileSocket : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;

    // Fixed-width numbers, right-aligned in spaces (JSON whitespace), so a frame is patched without moving a byte.
    private const int FieldWidth = 10;
    private const string InvocationMarker = "\"invocationId\":\"";
    private const string BaseMarker = "\"baseRevision\":";
    private const string SeqMarker = "\"seq\":";
    private const string TailMarker = "__TAIL__";

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _pending = new(StringComparer.Ordinal);
    private readonly Task _receiving;
    private byte[] _frame = [];
    private int _invocationAt;
    private int _seqAt;
    private int _baseAt;
    private int _tailAt;
    private int _baseLengthAtZero;
    private int _pairs;
    private long _nextInvocation;
    private int _head;
    private int? _joinRevision;

    private HostileSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public string ClientId { get; } = Guid.NewGuid().ToString("N");

    public static async Task<HostileSocket> ConnectAsync(Uri server, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var ws = new UriBuilder(new Uri(server, "hubs/pad")) { Scheme = server.Scheme == "https" ? "wss" : "ws" }.Uri;
        await socket.ConnectAsync(ws, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync("""{"protocol":"json","version":1}"""u8.ToArray().Append(RecordSeparator).ToArray(), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        return new HostileSocket(socket);
    }

    public async Task JoinAsync(string padId, string token, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Serialize(new { padId, token, clientId = ClientId, displayName = "Mallory" });
        var error = await InvokeAsync($$"""{"type":1,"invocationId":"{{Interlocked.Increment(ref _nextInvocation)}}","target":"Join","arguments":[{{request}}]}""", cancellationToken).ConfigureAwait(false);
        if (error is null && _joinRevision is { } revision && revision > _head)
        {
            Volatile.Write(ref _head, revision);
        }

        if (error is not null)
        {
            throw new InvalidOperationException($"The attacker could not join: {error}");
        }
    }

    /// <summary>
    /// Builds the probe once: <c>[1,"x"]</c> x <paramref name="pairs"/> then a retain of the rest of the pad, whose length
    /// at revision r is <paramref name="lengthAtRevisionZero"/> + r (the honest typist only inserts one character).
    /// </summary>
    public void PrepareProbe(string padId, int pairs, int lengthAtRevisionZero)
    {
        _pairs = pairs;
        _baseLengthAtZero = lengthAtRevisionZero;
        var json = new StringBuilder(pairs * 6 + 512);
        json.Append("{\"type\":1,").Append(InvocationMarker).Append(' ', FieldWidth).Append("\",\"target\":\"Submit\",\"arguments\":[{")
            .Append("\"padId\":").Append(JsonSerializer.Serialize(padId)).Append(",\"clientId\":\"").Append(ClientId).Append("\",")
            .Append(SeqMarker).Append(' ', FieldWidth).Append(',').Append(BaseMarker).Append(' ', FieldWidth).Append(",\"ops\":[");
        for (var i = 0; i < pairs; i++)
        {
            json.Append("1,\"x\",");
        }

        json.Append(TailMarker).Append(' ', FieldWidth - TailMarker.Length).Append("]}]}").Append((char)RecordSeparator);
        _frame = Encoding.UTF8.GetBytes(json.ToString());
        var text = json.ToString();
        _invocationAt = text.IndexOf(InvocationMarker, StringComparison.Ordinal) + InvocationMarker.Length;
        _seqAt = text.IndexOf(SeqMarker, StringComparison.Ordinal) + SeqMarker.Length;
        _baseAt = text.IndexOf(BaseMarker, StringComparison.Ordinal) + BaseMarker.Length;
        _tailAt = text.IndexOf(TailMarker, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends the probe based on <paramref name="baseRevision"/> (one send at a time: the frame is patched in place) and
    /// returns, once it is sent, the answer: the refusal's code, or null if the server committed it.
    /// </summary>
    public async Task<Task<string?>> SendProbeAsync(long seq, int baseRevision, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextInvocation).ToString(CultureInfo.InvariantCulture).PadLeft(FieldWidth, '0');
        var completion = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        Patch(_invocationAt, id);
        Patch(_seqAt, seq.ToString(CultureInfo.InvariantCulture).PadLeft(FieldWidth));
        Patch(_baseAt, baseRevision.ToString(CultureInfo.InvariantCulture).PadLeft(FieldWidth));
        Patch(_tailAt, (_baseLengthAtZero + baseRevision - _pairs).ToString(CultureInfo.InvariantCulture).PadLeft(FieldWidth));
        await _socket.SendAsync(_frame, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        return completion.Task;
    }

    /// <summary>Bytes of one probe frame.</summary>
    public int ProbeBytes => _frame.Length;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
        }

        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }

    private void Patch(int at, string digits) => Encoding.ASCII.GetBytes(digits, _frame.AsSpan(at, FieldWidth));

    private async Task<string?> InvokeAsync(string message, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(message);
        var id = document.RootElement.GetProperty("invocationId").GetString()!;
        var completion = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id.PadLeft(FieldWidth, '0')] = completion;
        var bytes = Encoding.UTF8.GetBytes(message.Replace($"\"invocationId\":\"{id}\"", $"\"invocationId\":\"{id.PadLeft(FieldWidth, '0')}\"", StringComparison.Ordinal));
        await _socket.SendAsync(bytes.Append(RecordSeparator).ToArray(), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var chunk = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(chunk, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Write(chunk.AsSpan(0, result.Count));
                var written = buffer.WrittenSpan;
                var consumed = 0;
                int end;
                while ((end = written[consumed..].IndexOf(RecordSeparator)) >= 0)
                {
                    Handle(written.Slice(consumed, end));
                    consumed += end + 1;
                }

                var rest = written[consumed..].ToArray();
                buffer.Clear();
                buffer.Write(rest);
            }
        }
        catch (WebSocketException)
        {
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetResult("closed");
        }
    }

    /// <summary>The newest revision seen in an <c>OpApplied</c>, or the join's.</summary>
    public int HeadRevision => Volatile.Read(ref _head);

    private void Handle(ReadOnlySpan<byte> message)
    {
        // Only completions (type 3) and OpApplied's revision matter; everything else (presence, pings) is dropped unparsed.
        if (message.IndexOf("\"type\":3"u8) < 0)
        {
            var at = message.IndexOf("\"revision\":"u8);
            if (at >= 0 && message.IndexOf("\"OpApplied\""u8) >= 0
                && System.Buffers.Text.Utf8Parser.TryParse(message[(at + 11)..], out int revision, out _) && revision > _head)
            {
                Volatile.Write(ref _head, revision);
            }

            return;
        }

        using var document = JsonDocument.Parse(message.ToArray());
        var root = document.RootElement;
        var id = root.GetProperty("invocationId").GetString()!;
        if (!_pending.TryRemove(id, out var completion))
        {
            return;
        }

        if (!root.TryGetProperty("error", out var error))
        {
            if (root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object && result.TryGetProperty("revision", out var joined))
            {
                _joinRevision = joined.GetInt32();
            }

            completion.TrySetResult(null);
            return;
        }

        // "An unexpected error occurred invoking 'Submit' on the server. HubException: too-large: ..."
        var text = error.GetString() ?? "";
        const string marker = "HubException: ";
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        var code = start < 0 ? text : text[(start + marker.Length)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        completion.TrySetResult(colon > 0 ? code[..colon] : code);
    }
}
