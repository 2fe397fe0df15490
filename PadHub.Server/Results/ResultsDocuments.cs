using PadHub.Components.Contracts.Results;
using PadHub.Components.Results;

namespace PadHub.Server.Results;

/// <summary>
/// Every file of a snapshot's results, by its stable name: each pad as <c>group-N.md</c>, <c>.txt</c>, <c>.html</c>,
/// <c>conclusions.md</c>, the CSV tables and <c>datapackage.json</c>. <c>export.zip</c> holds exactly these.
/// </summary>
internal static class ResultsDocuments
{
    public static IReadOnlyList<ResultsDocument> All(ResultsSnapshot snapshot, string resultsUrl)
    {
        var documents = new List<ResultsDocument>
        {
            new(ResultsFiles.DataPackage, "application/json; charset=utf-8", () => DataPackageDocument.Write(snapshot, resultsUrl)),
            new(ResultsFiles.ConclusionsMarkdown, "text/markdown; charset=utf-8", () => ConclusionsDocument.Write(snapshot)),
        };
        documents.AddRange(ResultsTables.All.Select(t => new ResultsDocument(t.File, "text/csv; charset=utf-8", () => t.ToCsv(snapshot))));
        foreach (var group in snapshot.Groups)
        {
            documents.Add(new(ResultsFiles.Pad(group.Number, "md"), "text/markdown; charset=utf-8", () => PadDocuments.Markdown(group)));
            documents.Add(new(ResultsFiles.Pad(group.Number, "txt"), "text/plain; charset=utf-8", () => PadDocuments.PlainText(group)));
            documents.Add(new(ResultsFiles.Pad(group.Number, "html"), "text/html; charset=utf-8", () => PadDocuments.Html(snapshot, group)));
        }

        return documents;
    }

    /// <summary>The file named <paramref name="file"/> (ordinal), or null.</summary>
    public static ResultsDocument? Find(ResultsSnapshot snapshot, string resultsUrl, string file) =>
        All(snapshot, resultsUrl).FirstOrDefault(d => string.Equals(d.File, file, StringComparison.Ordinal));
}
