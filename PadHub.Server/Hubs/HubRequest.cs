using System.Text.Json;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;

namespace PadHub.Server.Hubs;

/// <summary>
/// Reads a hub request object field by field, so that every malformed request is answered with <c>invalid-op:</c> and
/// the field's name rather than SignalR's generic binding error.
/// </summary>
internal readonly struct HubRequest
{
    private readonly JsonElement _root;

    private HubRequest(JsonElement root) => _root = root;

    public static HubRequest From(JsonElement request, string method)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{method} takes one JSON object argument, got {Describe(request.ValueKind)}.");
        }

        // The stand-in BoundedJsonHubProtocol passes for a message it refused to parse (a fixed message: a client can send
        // the property too, and must not get its own text echoed as the server's).
        return request.TryGetProperty(BoundedJsonHubProtocol.RefusedProperty, out _)
            ? throw new PadException(PadErrorCodes.TooLarge, BoundedJsonHubProtocol.RefusedMessage)
            : new HubRequest(request);
    }

    public string String(string name, int maxLength, bool required = true)
    {
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Invalid($"'{name}' is required.") : string.Empty;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid($"'{name}' must be a string, got {Describe(value.ValueKind)}.");
        }

        var text = value.GetString()!;
        if (required && text.Length == 0)
        {
            throw Invalid($"'{name}' must not be empty.");
        }

        return text.Length > maxLength
            ? throw new PadException(PadErrorCodes.TooLarge, $"'{name}' is longer than {maxLength} characters.")
            : text;
    }

    public int Int32(string name)
    {
        var value = Number(name);
        return value.TryGetInt32(out var result) ? result : throw Invalid($"'{name}' must be a whole number within 32 bits.");
    }

    /// <summary>A whole number within 32 bits, or null when the field is absent or null.</summary>
    public int? OptionalInt32(string name) =>
        !TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null ? null : Int32(name);

    public long Int64(string name)
    {
        var value = Number(name);
        return value.TryGetInt64(out var result) ? result : throw Invalid($"'{name}' must be a whole number within 64 bits.");
    }

    /// <summary>An ot.js operation, refused before it is built when it has more components or inserts than <paramref name="limits"/> allow.</summary>
    public TextOperation Operation(string name, OperationLimits limits)
    {
        if (!TryGet(name, out var value))
        {
            throw Invalid($"'{name}' is required.");
        }

        // The array's length is known without walking it: a huge one is refused before its text is copied.
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > limits.MaxComponents)
        {
            throw new PadException(PadErrorCodes.TooLarge,
                $"'{name}' has {value.GetArrayLength()} components, the maximum is {limits.MaxComponents}.");
        }

        try
        {
            return TextOperation.Parse(value.GetRawText(), limits);
        }
        catch (OperationTooLargeException ex)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"'{name}' is too large: {ex.Message}");
        }
        catch (OtException ex)
        {
            throw Invalid($"'{name}' is not an ot.js operation: {ex.Message}");
        }
    }

    private JsonElement Number(string name)
    {
        if (!TryGet(name, out var value))
        {
            throw Invalid($"'{name}' is required.");
        }

        return value.ValueKind == JsonValueKind.Number ? value : throw Invalid($"'{name}' must be a number, got {Describe(value.ValueKind)}.");
    }

    private bool TryGet(string name, out JsonElement value)
    {
        if (_root.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in _root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static PadException Invalid(string message) => new(PadErrorCodes.InvalidOp, message);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
