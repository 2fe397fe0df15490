using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace PadHub.Benchmarks.Live;

// Calls to the hub: writing an invocation, reading its result and completing the caller, in the receive loop.
internal sealed partial class LeanLoadClient
{
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
            var isOperations = reader.ValueTextEquals("operations"u8);
            var isHead = reader.ValueTextEquals("headRevision"u8);
            var isHasMore = reader.ValueTextEquals("hasMore"u8);
            reader.Read();
            if (isOperations)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    operations.Add(CommittedOp.Read(ref reader));
                }
            }
            else if (isHead)
            {
                head = reader.GetInt32();
            }
            else if (isHasMore)
            {
                hasMore = reader.GetBoolean();
            }
            else
            {
                reader.Skip();
            }
        }

        return new HistoryPage(operations, head, hasMore);
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
