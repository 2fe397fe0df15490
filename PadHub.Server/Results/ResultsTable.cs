using PadHub.Components.Contracts.Results;

namespace PadHub.Server.Results;

/// <summary>
/// One CSV table of the open-data package: its file, its Table Schema and its rows, declared together. Title and
/// description are <see cref="ExportText"/> keys (the session's language).
/// </summary>
internal sealed record ResultsTable(
    string Name,
    string File,
    string TitleKey,
    string DescriptionKey,
    IReadOnlyList<TableField> Fields,
    IReadOnlyList<string> PrimaryKey,
    Func<ResultsSnapshot, IEnumerable<object?[]>> Rows)
{
    /// <summary>The table as CSV (<see cref="CsvTable"/>).</summary>
    public string ToCsv(ResultsSnapshot snapshot)
    {
        var csv = new CsvTable([.. Fields.Select(f => f.Name)]);
        foreach (var row in Rows(snapshot))
        {
            csv.Row(row);
        }

        return csv.ToString();
    }
}
