using System.Text.RegularExpressions;
using PadHub.Components.Results;
using PadHub.Server.Results;

namespace PadHub.Tests.Server.Results;

/// <summary>A hostile pad and hostile names export safely in every format.</summary>
public sealed class HostileExportTests
{
    private const string HostileName = "<script>alert('g')</script> =1+1";

    private static readonly Dictionary<string, string> Files = ResultsDocuments
        .All(ResultsSamples.Snapshot(firstPad: ResultsSamples.HostilePad, groupName: HostileName), ResultsSamples.ResultsUrl)
        .ToDictionary(d => d.File, d => d.Build(), StringComparer.Ordinal);

    [Fact]
    public void Html_HostilePad_HasNoScriptHandlerFrameOrExternalResource()
    {
        var html = Files["group-1.html"];

        var tags = Regex.Matches(html, "<[^>]*>").Select(m => m.Value).ToArray();

        Assert.DoesNotContain(tags, t => Regex.IsMatch(t, @"^</?(script|iframe|img|object|embed|link|base|form)\b", RegexOptions.IgnoreCase));
        Assert.DoesNotContain(tags, t => Regex.IsMatch(t, @"\s(on\w+|src|srcset|style)\s*=", RegexOptions.IgnoreCase));
        Assert.DoesNotContain(tags, t => t.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Conclusions_HostilePad_OnlyRealMarksCount()
    {
        var rows = CsvReader.Read(Files[ResultsFiles.ConclusionsCsv]).Skip(1).Where(r => r[0] == "1").Select(r => r[2]).ToArray();

        // Marks in code spans, fenced and indented code are text; the real ones are kept, formula-like ones guarded.
        Assert.Equal(["conclusion with <b>tags</b>", "'+cmd|' /C calc'!A0", "'@SUM(1,2)", "'-2+3"], rows);
    }

    [Fact]
    public void Csv_HostileName_FormulaCellsStartWithAnApostrophe()
    {
        var groups = CsvReader.Read(Files[ResultsFiles.GroupsCsv]);

        Assert.Equal("<script>alert('g')</script> =1+1", groups[1][1]);
        Assert.All(
            Files.Where(f => f.Key.EndsWith(".csv", StringComparison.Ordinal)).SelectMany(f => CsvReader.Read(f.Value)).SelectMany(r => r),
            cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell.StartsWith('-') && !int.TryParse(cell, out _)), cell));
    }

    [Fact]
    public void ConclusionsMarkdown_HostilePad_HasNoRawHtml()
    {
        var md = Files[ResultsFiles.ConclusionsMarkdown];

        // Every < is escaped: no Markdown viewer, even one rendering raw HTML, sees a tag.
        Assert.DoesNotMatch(@"(?<!\\)<", md);
        Assert.Contains("\\<script\\>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HostilePad_IsThePadAsWritten()
    {
        Assert.Equal(ResultsSamples.HostilePad, Files["group-1.md"]);
    }

    [Fact]
    public void CsvTable_QuotesCommasQuotesAndLineBreaks()
    {
        var csv = new CsvTable("a", "b").Row("x, y", "say \"hi\"\r\nbye").Row(" padded", 5).Row("\tx", "\rx").ToString();

        Assert.Equal("a,b\r\n\"x, y\",\"say \"\"hi\"\"\r\nbye\"\r\n\" padded\",5\r\n'\tx,\"'\rx\"\r\n", csv);
    }
}
