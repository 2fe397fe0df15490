using System.Buffers;
using System.Text;
using System.Text.Json;
using PadHub.Core.Documents;

namespace PadHub.Server.Persistence;

/// <summary>Authorship runs as compact JSON: <c>[["authorId",length],...]</c> (about 10 bytes per run plus the id).</summary>
internal static class AuthorshipJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Author ids are ours (no HTML context); skip escaping so non-ASCII ids stay readable and short.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyList<AuthorRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var buffer = new ArrayBufferWriter<byte>(2 + (runs.Count * 16));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var run in runs)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(run.AuthorId);
                writer.WriteNumberValue(run.Length);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <exception cref="FormatException">The stored value is not authorship JSON.</exception>
    public static List<AuthorRun> Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var runs = new List<AuthorRun>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            Expect(ref reader, JsonTokenType.StartArray);
            while (true)
            {
                Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return runs;
                }

                Is(ref reader, JsonTokenType.StartArray);
                Expect(ref reader, JsonTokenType.String);
                var authorId = reader.GetString()!;
                Expect(ref reader, JsonTokenType.Number);
                var length = reader.GetInt32();
                Expect(ref reader, JsonTokenType.EndArray);
                runs.Add(new AuthorRun(authorId, length));
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Stored authorship is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        Read(ref reader);
        Is(ref reader, type);
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new FormatException("Stored authorship JSON ends early.");
        }
    }

    private static void Is(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new FormatException($"Stored authorship JSON has {reader.TokenType} where {type} was expected.");
        }
    }
}
