using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PadHub.Core.Operations;

public sealed partial class TextOperation
{
    /// <summary>Parses the ot.js JSON wire form, e.g. <c>[5,"abc",-2]</c>, and canonicalises it.</summary>
    /// <exception cref="OperationFormatException">Not a JSON array of non-zero integers and non-empty strings.</exception>
    /// <exception cref="InvalidComponentException">A component is <c>0</c> or <c>""</c>.</exception>
    public static TextOperation Parse(string json) => Parse(json, OperationLimits.None);

    /// <summary>
    /// Parses the ot.js JSON wire form, stopping at the first component over <see cref="OperationLimits.MaxComponents"/>
    /// or the first insert that takes the total over <see cref="OperationLimits.MaxInsertLength"/>: an oversized input
    /// costs no more than a valid one of the largest allowed size.
    /// </summary>
    /// <exception cref="OperationFormatException">Not a JSON array of non-zero integers and non-empty strings.</exception>
    /// <exception cref="InvalidComponentException">A component is <c>0</c> or <c>""</c>.</exception>
    /// <exception cref="OperationTooLargeException">More components, or more inserted code units, than the limits allow.</exception>
    public static TextOperation Parse(string json, OperationLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            if (!reader.Read())
            {
                throw new OperationFormatException("An operation must be a JSON array; the input is empty.");
            }

            var operation = Read(ref reader, limits);
            if (reader.Read())
            {
                throw new OperationFormatException("Unexpected content after the operation's closing bracket.");
            }

            return operation;
        }
        catch (JsonException ex)
        {
            throw new OperationFormatException($"An operation must be a JSON array: {ex.Message}");
        }
    }

    /// <summary>
    /// Reads one operation from <paramref name="reader"/>, positioned on its <c>[</c> token; leaves it on the <c>]</c>.
    /// </summary>
    /// <exception cref="OperationFormatException">The value is not an ot.js operation.</exception>
    /// <exception cref="InvalidComponentException">A component is <c>0</c> or <c>""</c>.</exception>
    public static TextOperation Read(ref Utf8JsonReader reader) => Read(ref reader, OperationLimits.None);

    /// <summary>
    /// Reads one operation from <paramref name="reader"/>, positioned on its <c>[</c> token; leaves it on the <c>]</c>.
    /// Stops at the first component over <see cref="OperationLimits.MaxComponents"/> or the first insert that takes the
    /// total inserted over <see cref="OperationLimits.MaxInsertLength"/>, before building anything more.
    /// </summary>
    /// <exception cref="OperationFormatException">The value is not an ot.js operation.</exception>
    /// <exception cref="InvalidComponentException">A component is <c>0</c> or <c>""</c>.</exception>
    /// <exception cref="OperationTooLargeException">More components, or more inserted code units, than the limits allow.</exception>
    public static TextOperation Read(ref Utf8JsonReader reader, OperationLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new OperationFormatException($"An operation must be a JSON array, found {Describe(reader.TokenType)}.");
        }

        var builder = new Builder();
        var index = 0;
        long inserted = 0;
        while (true)
        {
            if (!reader.Read())
            {
                throw new OperationFormatException("The operation's array is not closed.");
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return builder.Build();
            }

            if (index >= limits.MaxComponents)
            {
                throw new OperationTooLargeException("components read before stopping", (long)index + 1, limits.MaxComponents);
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (!reader.TryGetInt32(out var count) || IsNegativeZero(ref reader))
                    {
                        throw new OperationFormatException($"Component {index} must be a whole number of code units within ±2147483647.");
                    }

                    if (count == 0)
                    {
                        throw new InvalidComponentException($"Component {index} is 0: retains and deletes must not be empty.");
                    }

                    if (count > 0)
                    {
                        builder.Retain(count);
                    }
                    else if (count == int.MinValue)
                    {
                        throw new OperationFormatException($"Component {index} must be a whole number of code units within ±2147483647.");
                    }
                    else
                    {
                        builder.Delete(-count);
                    }

                    break;
                case JsonTokenType.String:
                    string text;
                    try
                    {
                        text = reader.GetString()!;
                    }
                    catch (InvalidOperationException ex)
                    {
                        // An escape such as "\ud83d" with no partner: the reader refuses to unescape it.
                        throw new OperationFormatException($"Component {index} is not well-formed UTF-16 text (a lone surrogate escape): {ex.Message}");
                    }

                    if (text.Length == 0)
                    {
                        throw new InvalidComponentException($"Component {index} is \"\": inserts must not be empty.");
                    }

                    inserted += text.Length;
                    if (inserted > limits.MaxInsertLength)
                    {
                        throw new OperationTooLargeException("code units inserted by one operation", inserted, limits.MaxInsertLength);
                    }

                    builder.Insert(text);
                    break;
                default:
                    throw new OperationFormatException($"Component {index} is {Describe(reader.TokenType)}: components are integers (retain > 0, delete < 0) or strings (insert).");
            }

            if (++index < 0)
            {
                throw new OperationFormatException("The operation has too many components.");
            }
        }
    }

    /// <summary>Writes the ot.js JSON wire form.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var c in _components)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    writer.WriteNumberValue(c.Length);
                    break;
                case OpComponentKind.Delete:
                    writer.WriteNumberValue(-c.Length);
                    break;
                default:
                    writer.WriteStringValue(c.Text);
                    break;
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>The ot.js JSON wire form, e.g. <c>[5,"abc",-2]</c>.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsNegativeZero(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        return raw.Length > 1 && raw[0] == (byte)'-' && reader.TryGetInt32(out var value) && value == 0;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
