using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

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
internal sealed partial class LeanLoadClient : LoadClient
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
    private readonly DecodedEvents _decoded;
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
        _decoded = run.Decoded;
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
}
