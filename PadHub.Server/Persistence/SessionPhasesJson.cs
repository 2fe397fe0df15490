using System.Text.Json;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Persistence;

/// <summary>A session's schedule as stored: <c>[{"name":"Introduction","ms":900000},...]</c>.</summary>
internal static class SessionPhasesJson
{
    public static string Serialize(IReadOnlyList<SessionPhase> phases) =>
        JsonSerializer.Serialize(phases.Select(p => new StoredPhase(p.Name, (long)p.Duration.TotalMilliseconds)).ToArray(), SessionJson.Options);

    public static IReadOnlyList<SessionPhase> Deserialize(string json) =>
        [.. (JsonSerializer.Deserialize<StoredPhase[]>(json, SessionJson.Options) ?? []).Select(p => new SessionPhase(p.Name, TimeSpan.FromMilliseconds(p.Ms)))];

    private sealed record StoredPhase(string Name, long Ms);
}
