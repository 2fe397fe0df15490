using System.Text.Json;
using System.Text.Json.Serialization;

namespace PadHub.Core.Operations;

/// <summary>
/// Serialises <see cref="TextOperation"/> in the ot.js wire form for System.Text.Json (SignalR's JSON protocol).
/// Format errors surface as <see cref="JsonException"/> wrapping the <see cref="OtException"/> that explains them.
/// </summary>
/// <param name="limits">
/// What <see cref="Read"/> accepts: it stops at the first component or insert over them (default: none, for clients that
/// trust their server).
/// </param>
public sealed class TextOperationJsonConverter(OperationLimits? limits = null) : JsonConverter<TextOperation>
{
    private readonly OperationLimits _limits = limits ?? OperationLimits.None;

    /// <inheritdoc />
    public override TextOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return TextOperation.Read(ref reader, _limits);
        }
        catch (OtException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TextOperation value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.Write(writer);
    }
}
