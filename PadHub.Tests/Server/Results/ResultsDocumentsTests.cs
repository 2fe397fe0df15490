using System.Text.Json;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Results;
using PadHub.Server.Results;

namespace PadHub.Tests.Server.Results;

public sealed class ResultsDocumentsTests
{
    private static Dictionary<string, string> Files(ResultsSnapshot snapshot) =>
        ResultsDocuments.All(snapshot, ResultsSamples.ResultsUrl).ToDictionary(d => d.File, d => d.Build(), StringComparer.Ordinal);

    [Fact]
    public void All_TwoGroups_NamesEveryFileOnce()
    {
        var names = ResultsDocuments.All(ResultsSamples.Snapshot(), ResultsSamples.ResultsUrl).Select(d => d.File).ToArray();

        Assert.Equal(
            ["datapackage.json", "conclusions.md", "groups.csv", "conclusions.csv", "contributions.csv", "questions.csv",
             "group-1.md", "group-1.txt", "group-1.html", "group-2.md", "group-2.txt", "group-2.html"],
            names);
    }

    [Fact]
    public void DataPackage_Sample_FollowsTheSpecificationAndEveryCsvItsSchema()
    {
        var files = Files(ResultsSamples.Snapshot());

        Assert.Empty(DataPackageRules.Check(files[ResultsFiles.DataPackage], files));
    }

    [Fact]
    public void DataPackage_HostilePad_StillFollowsTheSpecification()
    {
        var files = Files(ResultsSamples.Snapshot(firstPad: ResultsSamples.HostilePad, groupName: "=1+1, \"<script>\"\r\nx"));

        Assert.Empty(DataPackageRules.Check(files[ResultsFiles.DataPackage], files));
    }

    [Fact]
    public void DataPackage_Sample_HasLicenceSourceAndMetadata()
    {
        using var json = JsonDocument.Parse(DataPackageDocument.Write(ResultsSamples.Snapshot(), ResultsSamples.ResultsUrl));
        var root = json.RootElement;

        Assert.Equal("padhub-session-0195f3c2a1b24c7d8e9f001122334455", root.GetProperty("name").GetString());
        Assert.Equal("Commons & open data", root.GetProperty("title").GetString());
        Assert.StartsWith("A workshop about commons.", root.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-03T14:30:00Z", root.GetProperty("created").GetString());
        var licence = Assert.Single(root.GetProperty("licenses").EnumerateArray());
        Assert.Equal("CC-BY-SA-4.0", licence.GetProperty("name").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", licence.GetProperty("path").GetString());
        Assert.Equal("Creative Commons Attribution Share-Alike 4.0", licence.GetProperty("title").GetString());
        Assert.Equal(ResultsSamples.ResultsUrl, Assert.Single(root.GetProperty("sources").EnumerateArray()).GetProperty("path").GetString());
        var paths = root.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("path").GetString()!).ToArray();
        Assert.Equal(["groups.csv", "conclusions.csv", "contributions.csv", "questions.csv", "group-1.md", "group-2.md"], paths);
    }

    [Fact]
    public void Rules_BrokenDescriptor_AreReported()
    {
        // The checker itself can fail: a bad name, an escaping path, an unknown type and a missing licence are caught.
        const string bad = """
            {"name":"Bad Name","resources":[{"name":"x","path":"../x.csv","profile":"tabular-data-resource",
              "schema":{"fields":[{"name":"a","type":"text"}]}}]}
            """;

        var errors = DataPackageRules.Check(bad, new Dictionary<string, string> { ["../x.csv"] = "a\r\n1\r\n" });

        Assert.Contains(errors, e => e.Contains("package name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("relative POSIX path", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Table Schema type", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("licenses", StringComparison.Ordinal));
    }

    [Fact]
    public void ConclusionsCsv_Sample_OneRowPerMarkInPadOrderWithTheRevision()
    {
        var rows = CsvReader.Read(Files(ResultsSamples.Snapshot())[ResultsFiles.ConclusionsCsv]);

        Assert.Equal(["group", "order", "text", "revision"], rows[0]);
        Assert.Equal(["1", "1", "We agree, \"mostly\"", "11"], rows[1]);
        Assert.Equal(["1", "2", "share data openly", "11"], rows[2]);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void ContributionsCsv_Sample_CountsPerGroupAndContributor()
    {
        var rows = CsvReader.Read(Files(ResultsSamples.Snapshot())[ResultsFiles.ContributionsCsv]);

        Assert.Equal(["group", "contributor", "characters", "edits", "characters_in_result"], rows[0]);
        Assert.Equal(["1", "Contributor 1", "120", "30", "100"], rows[1]);
        Assert.Equal(["2", "Contributor 2", "22", "22", "22"], rows[3]);
    }

    [Fact]
    public void QuestionsCsv_Sample_OneRowPerVisibleQuestionWithItsStateAndTheFormulaGuard()
    {
        var csv = ResultsTables.Questions.ToCsv(ResultsSamples.Snapshot());

        Assert.Equal(
            "question,group,text,name,source,votes,asked_at,pinned,answered,forwarded_to_group\r\n"
            + "q1,2,\"'=HYPERLINK(\"\"x\"\") is this, \"\"safe\"\"?\nSecond line\",Ada,,3,2026-12-03T13:05:00Z,true,false,2\r\n"
            + "q2,,To the speakers?,,\"Twitter, @someone\",0,2026-12-03T13:06:00Z,false,true,\r\n",
            csv);
    }

    [Fact]
    public void GroupsCsv_Sample_HasRapporteurAnimatorsAndPadFile()
    {
        var rows = CsvReader.Read(Files(ResultsSamples.Snapshot())[ResultsFiles.GroupsCsv]);

        Assert.Equal(["1", "Data, commons", "Topic 1", "Animator 1; Second animator", "Rapporteur, One", "11", "2", "group-1.md"], rows[1]);
        Assert.Equal("", rows[2][4]);
    }

    [Fact]
    public void ConclusionsMarkdown_Sample_ListsEachGroupsMarksWithRapporteur()
    {
        var md = Files(ResultsSamples.Snapshot())[ResultsFiles.ConclusionsMarkdown];

        Assert.Contains("## Group 1: Data, commons", md, StringComparison.Ordinal);
        Assert.Contains("Rapporteur: Rapporteur, One", md, StringComparison.Ordinal);
        Assert.Contains("1. ==We agree, \\\"mostly\\\"==", md, StringComparison.Ordinal);
        Assert.Contains("2. ==share data openly==", md, StringComparison.Ordinal);
        Assert.Contains("## Group 2: Second", md, StringComparison.Ordinal);
        Assert.Contains("Rapporteur: not named", md, StringComparison.Ordinal);
        Assert.Contains("_No conclusions marked._", md, StringComparison.Ordinal);
    }

    [Fact]
    public void PadFiles_Sample_MarkdownIsThePadAndTextHasNoMarkup()
    {
        var snapshot = ResultsSamples.Snapshot();
        var files = Files(snapshot);

        Assert.Equal(snapshot.Groups[0].Pad.Text, files["group-1.md"]);
        Assert.Contains("We agree, \"mostly\"", files["group-1.txt"], StringComparison.Ordinal);
        Assert.DoesNotContain("==", files["group-1.txt"], StringComparison.Ordinal);
        Assert.DoesNotContain("# Group", files["group-1.txt"], StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Sample_IsSelfContainedWithAStrictPolicy()
    {
        var html = Files(ResultsSamples.Snapshot())["group-1.html"];

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{PadDocuments.ContentSecurityPolicy}\">", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", PadDocuments.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Matches("<mark>We agree, (&quot;|\"|&#34;)mostly(&quot;|\"|&#34;)</mark>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }
}
