using System.Globalization;
using PadHub.Components.Contracts.Results;

namespace PadHub.Server.Results;

/// <summary>Sentences the exports share.</summary>
internal static class ResultsText
{
    /// <summary>"Recorded when the session ended on ..." or "Live state of a session in progress, taken ...".</summary>
    public static string State(ResultsSnapshot snapshot)
    {
        var text = new ExportText(snapshot.Language);
        return snapshot.EndedAt is { } ended
            ? text["Ended", Stamp(ended)]
            : text["InProgress", Stamp(snapshot.TakenAt)];
    }

    // ISO dates in every language: the exports are data, read by people and machines alike.
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
