using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// A committed operation as a client sees it: an <c>OpApplied</c> event, a <c>GetHistory</c> entry, or (no
/// <see cref="Operation"/>) the acknowledgement of the client's own operation.
/// </summary>
internal readonly record struct CommittedOp(int Revision, TextOperation? Operation, string ClientTag, long Seq)
{
    private static readonly ConcurrentDictionary<string, string> ClientTags = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ClientTagLookup =
        ClientTags.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Reads an <c>OpApplied</c> payload or a <c>GetHistory</c> entry by hand (the generator receives hundreds of
    /// thousands a second), from its <c>{</c> to its <c>}</c>: property names compared as UTF-8, <c>padId</c> and
    /// <c>authorId</c> skipped (one pad, authorship unused), client tags interned (450 distinct strings instead of one
    /// allocation per message).
    /// </summary>
    public static CommittedOp Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A committed operation: expected an object.");
        }

        var revision = 0;
        TextOperation? operation = null;
        var clientTag = "";
        long seq = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("revision"u8))
            {
                reader.Read();
                revision = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("ops"u8))
            {
                reader.Read();
                operation = TextOperation.Read(ref reader);
            }
            else if (reader.ValueTextEquals("clientTag"u8))
            {
                reader.Read();
                clientTag = InternClientTag(ref reader);
            }
            else if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                seq = reader.GetInt64();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return operation is null
            ? throw new JsonException($"The committed operation at revision {revision} has no 'ops'.")
            : new CommittedOp(revision, operation, clientTag, seq);
    }

    private static string InternClientTag(ref Utf8JsonReader reader)
    {
        Span<char> buffer = stackalloc char[128];
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > buffer.Length)
        {
            return reader.GetString() ?? "";
        }

        var length = System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
        var chars = buffer[..length];
        if (ClientTagLookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var tag = new string(chars);
        return ClientTags.GetOrAdd(tag, tag);
    }
}
