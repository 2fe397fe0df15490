extern alias PadHubServer;

using System.Diagnostics;
using System.Globalization;
using Markdig;
using Options = PadHub.Benchmarks.Live.CommandLine;
using PadHub.Benchmarks.Runners;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Markdown;
using PadHubServer::PadHub.Server.Results;

namespace PadHub.Benchmarks.Exports;

/// <summary>
/// <c>export</c> (issue 12, section 6: "a 1 MB pad exports in well under a second"): in process, for each pad shape
/// (<see cref="ExportShapes"/>), the snapshot's conclusion extraction, every single download and the whole
/// <c>export.zip</c>, each on a text no cache has seen, repeated; median and max per stage. The "before" rows time the
/// whole-document parse every export used to make (the full rendering pipeline, auto identifiers included) next to it.
/// </summary>
internal static class ExportCommand
{
    private const string Usage = """
        export [--size 1000000] [--repeat 5] [--before 1] [--shapes numbered-headings,identical-headings,one-paragraph,hostile-html]
        --before: repetitions of the old whole-document parses (0 skips them; identical headings cost tens of seconds each).
        """;

    private const string ResultsUrl = "https://pads.example.org/r/benchmark";

    // The pipeline every whole-document parse used before this change (PadMarkdown.Pipeline at the time).
    private static readonly MarkdownPipeline Before = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers().UseCitations().UseDefinitionLists().UseEmphasisExtras().UseFigures().UseFooters().UseFootnotes()
        .UseGridTables().UsePipeTables().UseListExtras().UseTaskLists().UseAutoLinks().DisableHtml().Build();

    public static async Task<int> RunAsync(string[] args)
    {
        int size, repeat, before;
        string[] shapes;
        try
        {
            var values = Options.Parse(args);
            size = values.TryGetValue("size", out var s) ? Options.Int(s, "size") : 1_000_000;
            repeat = values.TryGetValue("repeat", out var r) ? Options.Int(r, "repeat") : 5;
            before = values.TryGetValue("before", out var b) ? Options.Int(b, "before") : 1;
            shapes = values.TryGetValue("shapes", out var sh) ? sh.Split(',', StringSplitOptions.RemoveEmptyEntries) : [.. ExportShapes.Names];
            if (size < 1000 || repeat < 1 || shapes.Any(x => !ExportShapes.Names.Contains(x)))
            {
                throw new ArgumentException($"--size must be 1000 or more, --repeat 1 or more, --shapes among {string.Join(", ", ExportShapes.Names)}.");
            }
        }
        catch (ArgumentException ex)
        {
            return Options.Refuse(ex, Usage);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export: {size:N0}-character pads, {repeat} repetitions (before: {before}); {Environment.ProcessorCount} cores, {MachineInfo.CpuModel}, load {MachineInfo.LoadAverage}"));
        var salt = 0;
        foreach (var shape in shapes)
        {
            var times = new StageTimes();
            for (var i = 0; i < before; i++)
            {
                var text = ExportShapes.Build(shape, size, ++salt);
                Time(times, "before: whole-document parse (auto identifiers)", () => Markdig.Markdown.Parse(text, Before));
                Time(times, "before: whole-document plain text (auto identifiers)", () => Markdig.Markdown.ToPlainText(text, Before));
                Time(times, "before: html, one sanitizer call per block", () => BeforeHtml(text));
            }

            for (var i = 0; i < repeat; i++)
            {
                // Two new texts: the single downloads must not warm the archive's caches, nor the other way round.
                var single = Snapshot(ExportShapes.Build(shape, size, ++salt), times, "snapshot: conclusions");
                foreach (var document in ResultsDocuments.All(single, ResultsUrl))
                {
                    Time(times, "download " + document.File, () => document.Build());
                }

                HtmlParts(times, ExportShapes.Build(shape, size, ++salt));

                var clock = Stopwatch.StartNew();
                var whole = Snapshot(ExportShapes.Build(shape, size, ++salt), null, null);
                var archiveStart = clock.Elapsed;
                await ResultsArchive.WriteAsync(Stream.Null, whole, ResultsUrl, CancellationToken.None);
                times.Add("export.zip (archive only)", clock.Elapsed - archiveStart);
                times.Add("export.zip (snapshot + archive)", clock.Elapsed);
            }

            Console.WriteLine();
            Console.WriteLine($"### {shape}");
            Console.WriteLine();
            Console.WriteLine("| stage | median ms | max ms | runs |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var (stage, median, max, count) in times.Summary())
            {
                Console.WriteLine($"| {stage} | {StageTimes.Ms(median)} | {StageTimes.Ms(max)} | {count} |");
            }
        }

        return 0;
    }

    private static ResultsSnapshot Snapshot(string text, StageTimes? times, string? stage)
    {
        var clock = Stopwatch.StartNew();
        var conclusions = PadConclusions.Extract(text);
        if (times is not null)
        {
            times.Add(stage!, clock.Elapsed);
        }

        var at = new DateTimeOffset(2026, 12, 3, 14, 30, 0, TimeSpan.Zero);
        var pad = new ResultsPad("pad1", 1000, text, conclusions, [], [new ResultsContribution("Contributor 1", text.Length, 1000, text.Length)]);
        return new ResultsSnapshot(
            "0195f3c2a1b24c7d8e9f001122334455", 1, "Export benchmark", null, [], SessionLicences.Find(SessionLicences.Default)!,
            at.AddHours(-1), at, at, CreditContributors: false,
            [new ResultsGroup("g1", 1, "Group one", "Topic", ["Animator"], "Rapporteur", pad)]);
    }

    // Markdig refuses some large inputs (its depth limit), as the app does: the time to refuse is the time.
    private static void Time(StageTimes times, string stage, Action action)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            action();
        }
        catch (ArgumentException)
        {
            stage += " (refused by Markdig)";
        }

        times.Add(stage, clock.Elapsed);
    }

    // Where the .html export's time goes, on a text of its own: the split, Markdig per block, the sanitizer.
    private static void HtmlParts(StageTimes times, string text)
    {
        string[] blocks = [];
        string[] rendered = [];
        var policy = new PadHtmlPolicy(allowImages: false);
        Time(times, "html part: block split (one whole-pad parse)", () => blocks = [.. MarkdownBlocks.SplitSource(text)]);
        Time(times, "html part: Markdig per block", () => rendered = [.. blocks.Select(b => Markdig.Markdown.ToHtml(b, PadMarkdown.Pipeline))]);
        Time(times, "html part: sanitizer, batched", () => policy.SanitizeMany(rendered));
        Time(times, "html part: sanitizer, one call per block", () => rendered = [.. rendered.Select(policy.Sanitize)]);
    }

    // The .html export's body as it was built before this change: every block rendered and sanitised on its own.
    private static void BeforeHtml(string text)
    {
        foreach (var block in MarkdownBlocks.SplitSource(text))
        {
            _ = PadMarkdown.ToSafeHtml(block);
        }
    }
}
