using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

// The /hubs/pad wire shapes (docs/PROTOCOL.md) as a client sees them; operations travel through TextOperationJsonConverter.

internal sealed record JoinRequest(string PadId, string Token, string ClientId, string DisplayName);

internal sealed record JoinResult(string PadId, int Revision, string Text, string Role, string AuthorId, string Color);

internal sealed record SubmitRequest(string PadId, string ClientId, long Seq, int BaseRevision, TextOperation Ops);

internal sealed record SubmitResult(int Revision);

internal sealed record HistoryRequest(string PadId, int FromRevision);

internal sealed record HistoryItem(int Revision, TextOperation Ops, string AuthorId, string ClientId, long Seq);

// Received hundreds of thousands of times a second: a class with setters, because System.Text.Json's converter for
// constructors with more than four parameters cost the load generator noticeably more (perf).
internal sealed class OpApplied
{
    public string PadId { get; set; } = "";

    public int Revision { get; set; }

    public TextOperation Ops { get; set; } = TextOperation.Identity(0);

    public string AuthorId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public long Seq { get; set; }
}

internal sealed record ResyncRequired(string PadId, int FromRevision);

/// <summary>
/// Reads <see cref="OpApplied"/> by hand (the generator receives hundreds of thousands a second): property names
/// compared as UTF-8, <c>padId</c> and <c>authorId</c> skipped (one pad, authorship unused), client ids interned (450
/// distinct strings instead of one allocation per message). Writing is never needed.
/// </summary>
internal sealed class OpAppliedJsonConverter : JsonConverter<OpApplied>
{
    private static readonly ConcurrentDictionary<string, string> ClientIds = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ClientIdLookup =
        ClientIds.GetAlternateLookup<ReadOnlySpan<char>>();

    public override OpApplied Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("OpApplied: expected an object.");
        }

        var result = new OpApplied();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("revision"u8))
            {
                reader.Read();
                result.Revision = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("ops"u8))
            {
                reader.Read();
                result.Ops = TextOperation.Read(ref reader);
            }
            else if (reader.ValueTextEquals("clientId"u8))
            {
                reader.Read();
                result.ClientId = InternClientId(ref reader);
            }
            else if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                result.Seq = reader.GetInt64();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, OpApplied value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The load generator only receives OpApplied.");

    private static string InternClientId(ref Utf8JsonReader reader)
    {
        Span<char> buffer = stackalloc char[128];
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > buffer.Length)
        {
            return reader.GetString() ?? "";
        }

        var length = System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
        var chars = buffer[..length];
        if (ClientIdLookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var id = new string(chars);
        return ClientIds.GetOrAdd(id, id);
    }
}
