using System.Text.Json;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>A session's schedule as stored: <c>[{"name":"Introduction","ms":900000},...]</c>.</summary>
internal static class SessionPhasesJson
{
    public static string Serialize(IReadOnlyList<SessionPhase> phases) =>
        JsonSerializer.Serialize(phases.Select(p => new StoredPhase(p.Name, (long)p.Duration.TotalMilliseconds)).ToArray(), SessionJson.Options);

    public static IReadOnlyList<SessionPhase> Deserialize(string json) =>
        [.. (JsonSerializer.Deserialize<StoredPhase[]>(json, SessionJson.Options) ?? []).Select(p => new SessionPhase(p.Name, TimeSpan.FromMilliseconds(p.Ms)))];

    private sealed record StoredPhase(string Name, long Ms);
}

/// <summary>JSON settings of the session columns (camelCase, compact).</summary>
internal static class SessionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string SerializeNames(IReadOnlyList<string> names) => JsonSerializer.Serialize(names, Options);

    public static IReadOnlyList<string> DeserializeNames(string json) => JsonSerializer.Deserialize<string[]>(json, Options) ?? [];
}
