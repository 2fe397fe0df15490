using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Results;
using PadHub.Components.Sessions;
using PadHub.Tests.Server.Sessions;

namespace PadHub.Tests.Server.Results;

// Every URL under /r/{token} on a real server and SQLite session: before the end (live), after it (recorded), and refused.
public sealed class ResultsEndpointsTests() : ServerTest(new PadHubServerFactory())
{
    private HttpClient _http = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _http = Server.CreateHttpClient();
    }

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await base.DisposeAsync();
    }

    private async Task<SessionCreated> SessionWithConclusionAsync(bool credit = false)
    {
        var created = await Server.Workshops().CreateSessionAsync(SessionTestHelpers.Request(groups: 2) with { CreditContributors = credit });
        await ResultsSessionWriter.AppendAsync(Server, created.Groups[0].NoteTakerToken, created.Groups[0].PadId, "Ada", "\n==Open data by default==\n");
        return created;
    }

    private async Task<Dictionary<string, string>> DownloadAllAsync(string token, int groups)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string> names = [ResultsFiles.DataPackage, ResultsFiles.ConclusionsMarkdown, .. ResultsFiles.Tables];
        names.AddRange(Enumerable.Range(1, groups).SelectMany(n => ResultsFiles.PadFormats.Select(f => ResultsFiles.Pad(n, f))));
        foreach (var name in names)
        {
            using var response = await _http.GetAsync(ResultsFiles.Download(token, name));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            files[name] = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        }

        return files;
    }

    [Fact]
    public async Task Page_BeforeTheEnd_ShowsTheLiveStateWithTheInProgressNotice()
    {
        var created = await SessionWithConclusionAsync();

        var html = await _http.GetStringAsync(SessionRoutes.Results(created.ResultsToken));

        Assert.Contains("Session in progress", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Open data by default</mark>", html, StringComparison.Ordinal);
        Assert.Contains(ResultsFiles.Download(created.ResultsToken, ResultsFiles.Archive), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_BeforeTheEnd_AreTheLiveStateAndAValidPackage()
    {
        var created = await SessionWithConclusionAsync();

        var files = await DownloadAllAsync(created.ResultsToken, 2);

        Assert.Empty(DataPackageRules.Check(files[ResultsFiles.DataPackage], files));
        var conclusion = CsvReader.Read(files[ResultsFiles.ConclusionsCsv])[1];
        Assert.Equal(["1", "1", "Open data by default"], conclusion[..3]);
        var contribution = CsvReader.Read(files[ResultsFiles.ContributionsCsv])[1];
        Assert.Equal(["1", "Contributor 1", "26", "1", "26"], contribution);
        Assert.DoesNotContain(files.Values, f => f.Contains("Ada", StringComparison.Ordinal));
        Assert.Contains($"/r/{created.ResultsToken}", files[ResultsFiles.DataPackage], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_CreditedSession_NameContributors()
    {
        var created = await SessionWithConclusionAsync(credit: true);

        var files = await DownloadAllAsync(created.ResultsToken, 2);

        Assert.Equal(["1", "Ada", "26", "1", "26"], CsvReader.Read(files[ResultsFiles.ContributionsCsv])[1]);
    }

    [Fact]
    public async Task PageAndZip_AfterTheEnd_AreTheRecordedResult()
    {
        var created = await SessionWithConclusionAsync();
        await Server.Workshops().EndSessionAsync(created.ModeratorToken);
        await using var watch = await Server.Workshops().WatchAsync(created.ResultsToken, _ => ValueTask.CompletedTask);
        var recorded = watch.Current.Ended!.Pads[0].Revision;

        var html = await _http.GetStringAsync(SessionRoutes.Results(created.ResultsToken));
        var files = await DownloadAllAsync(created.ResultsToken, 2);
        using var response = await _http.GetAsync(ResultsFiles.Download(created.ResultsToken, ResultsFiles.Archive), HttpCompletionOption.ResponseHeadersRead);

        Assert.DoesNotContain("Session in progress", html, StringComparison.Ordinal);
        Assert.Contains("Session ended", html, StringComparison.Ordinal);
        Assert.Equal(recorded.ToString(System.Globalization.CultureInfo.InvariantCulture), CsvReader.Read(files[ResultsFiles.ConclusionsCsv])[1][3]);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength); // Streamed: the length is not known before the end.
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            Assert.Equal(files[entry.FullName], await reader.ReadToEndAsync());
        }
    }

    [Fact]
    public async Task EveryUrl_UnknownReplacedOrOtherLinks_Answer404WithTheSitesNotFoundPage()
    {
        var created = await SessionWithConclusionAsync();
        var old = created.ResultsToken;
        var replaced = await Server.Workshops().RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Results, null);
        using var nowhere = await _http.GetAsync("/nothing/here");
        var notFound = WithoutNonces(await nowhere.Content.ReadAsStringAsync());

        foreach (var token in new[] { old, "unknown-token", created.ModeratorToken, created.AudienceToken, created.Groups[0].NoteTakerToken, new string('x', 200) })
        {
            foreach (var path in new[] { SessionRoutes.Results(token), ResultsFiles.LivePad(token, 1), ResultsFiles.Download(token, ResultsFiles.Archive), ResultsFiles.Download(token, "group-1.md") })
            {
                using var response = await _http.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var page = await response.Content.ReadAsStringAsync();
                Assert.Equal(notFound, WithoutNonces(page));
                // The language switch comes back to the address asked for, not to /not-found.
                Assert.Contains("redirect=" + Uri.EscapeDataString(path).Replace("&", "&amp;", StringComparison.Ordinal), page, StringComparison.Ordinal);
            }
        }

        using var valid = await _http.GetAsync(ResultsFiles.Download(replaced, "group-1.md"));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    // Each response has its own CSP nonce and its language switch back to its own address; everything else is the same page.
    private static string WithoutNonces(string html) =>
        Regex.Replace(Regex.Replace(html, "nonce=\"[^\"]*\"", "nonce=\"\""), "redirect=[^\"]*\"", "redirect=\"");

    [Theory]
    [InlineData("group-3.md")]
    [InlineData("group-1.exe")]
    [InlineData("secrets.json")]
    [InlineData("GROUPS.CSV")]
    public async Task Download_NoSuchFile_Answers404(string file)
    {
        var created = await SessionWithConclusionAsync();

        using var response = await _http.GetAsync(ResultsFiles.Download(created.ResultsToken, file));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
