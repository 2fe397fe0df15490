using System.Globalization;
using PadHub.Components.Sessions;

namespace PadHub.Components.Results;

/// <summary>
/// The results' addresses and file names: every download is a stable URL under <c>/r/{token}/</c>, and the same name
/// inside <c>export.zip</c>. A pad's files are named after its group's number (<c>group-1.md</c>), never its title, so
/// the names stay valid Data Package paths and never change when a group is renamed.
/// </summary>
public static class ResultsFiles
{
    public const string ConclusionsMarkdown = "conclusions.md";
    public const string Archive = "export.zip";
    public const string DataPackage = "datapackage.json";
    public const string GroupsCsv = "groups.csv";
    public const string ConclusionsCsv = "conclusions.csv";
    public const string ContributionsCsv = "contributions.csv";
    public const string QuestionsCsv = "questions.csv";

    /// <summary>A pad's export formats, by file extension.</summary>
    public static IReadOnlyList<string> PadFormats { get; } = ["md", "txt", "html"];

    /// <summary>The CSV tables of the open-data package.</summary>
    public static IReadOnlyList<string> Tables { get; } = [GroupsCsv, ConclusionsCsv, ContributionsCsv, QuestionsCsv];

    /// <summary>The file of group <paramref name="number"/>'s pad in format <paramref name="extension"/> (<c>group-1.md</c>).</summary>
    public static string Pad(int number, string extension) => string.Create(CultureInfo.InvariantCulture, $"group-{number}.{extension}");

    /// <summary>The live read-only view of group <paramref name="number"/>'s pad.</summary>
    public static string LivePad(string token, int number) => string.Create(CultureInfo.InvariantCulture, $"{SessionRoutes.Results(token)}/pads/{number}");

    /// <summary>A download's address.</summary>
    public static string Download(string token, string file) => $"{SessionRoutes.Results(token)}/{file}";
}
