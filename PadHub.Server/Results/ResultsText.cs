using System.Globalization;
using PadHub.Components.Contracts.Results;

namespace PadHub.Server.Results;

/// <summary>Sentences the exports share.</summary>
internal static class ResultsText
{
    /// <summary>"Recorded when the session ended on ..." or "Live state of a session in progress, taken ...".</summary>
    public static string State(ResultsSnapshot snapshot) => snapshot.EndedAt is { } ended
        ? string.Create(CultureInfo.InvariantCulture, $"Recorded when the session ended ({ended.UtcDateTime:yyyy-MM-dd HH:mm} UTC).")
        : string.Create(CultureInfo.InvariantCulture, $"Session in progress: live state taken {snapshot.TakenAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
}
