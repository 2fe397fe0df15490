using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text.Json;

namespace PadHub.Benchmarks.Live;

// The receive side: the handshake, the one receive loop and its buffer, and each hub message handled where it stands.
internal sealed partial class LeanLoadClient
{
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
        if (_decoded.TryGet(message, out var decoded))
        {
            OnOpApplied(decoded); // the very bytes another client of this run has already decoded
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

            _decoded.Add(message, operation);
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

    private enum Target
    {
        Unknown,
        OpApplied,
        PresenceChanged,
        ResyncRequired,
        Other,
    }
}
