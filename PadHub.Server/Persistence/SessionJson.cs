using System.Text.Json;

namespace PadHub.Server.Persistence;

/// <summary>JSON settings of the session columns (camelCase, compact).</summary>
internal static class SessionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string SerializeNames(IReadOnlyList<string> names) => JsonSerializer.Serialize(names, Options);

    public static IReadOnlyList<string> DeserializeNames(string json) => JsonSerializer.Deserialize<string[]>(json, Options) ?? [];
}
