using System.Globalization;
using System.Text.Json;
using PadHub.Benchmarks.Traces;

namespace PadHub.Benchmarks.Runners;

/// <summary>
/// <c>sidebyside</c>: the automerge-paper replay through PadDocument and through Yjs (node) on the same machine in the
/// same run, then one markdown table with both and their ratio.
/// </summary>
public static class SideBySideRunner
{
    /// <summary>The targets: at least this many times faster than Yjs ...</summary>
    public const double TargetSpeedup = 50;

    /// <summary>... allocating at most this many bytes per edit.</summary>
    public const double TargetBytesPerEdit = 100;

    private const string Usage =
        "usage: sidebyside [--trace NAME] [--runs N] [--warmup N] [--yjs-runs N] [--yjs-warmup N]";

    /// <summary>Runs the comparison; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var tracePath = TraceFiles.PathOf(options.Trace);
        var trace = EditingTrace.Load(tracePath);
        var plan = ReplayPlan.SingleAuthor(trace);
        Console.Error.WriteLine($"{trace.Name}: {plan.Count:N0} edits, final length {plan.ExpectedText.Length:N0}");

        var padHub = MeasurePadHub(plan, options.Warmup, options.Runs);
        var yjs = RunYjs(tracePath, options.YjsWarmup, options.YjsRuns);

        Console.WriteLine(Report(trace.Name, plan.Count, padHub, yjs, options));
        return 0;
    }

    private static PadHubResult MeasurePadHub(ReplayPlan plan, int warmup, int runs)
    {
        var samples = new List<RunSample>(runs);
        for (var i = -warmup; i < runs; i++)
        {
            var document = plan.NewDocument();
            var sample = Measurement.Once(() => plan.ReplayInto(document));
            plan.Verify(document); // fails loudly on a wrong final text
            var label = i < 0 ? $"warmup {i + warmup + 1}/{warmup}" : $"run {i + 1}/{runs}";
            Console.Error.WriteLine(
                $"PadHub {label}: {sample.Elapsed.TotalMilliseconds:0.0} ms (CPU {sample.CpuTime.TotalMilliseconds:0.0} ms), {sample.AllocatedBytes / (double)plan.Count:0.0} B/edit, " +
                $"gen0 {sample.Gen0}, gen2 {sample.Gen2}, GC pauses {sample.GcPause.TotalMilliseconds:0.0} ms");
            if (i >= 0)
            {
                samples.Add(sample);
            }
        }

        return new PadHubResult(
            Measurement.Median(samples.Select(s => s.Elapsed.TotalMilliseconds)),
            Measurement.Median(samples.Select(s => s.CpuTime.TotalMilliseconds)),
            Measurement.Median(samples.Select(s => (double)s.AllocatedBytes)) / plan.Count,
            [.. samples.Select(s => s.Elapsed.TotalMilliseconds)]);
    }

    private static YjsResult RunYjs(string tracePath, int warmup, int runs)
    {
        var directory = Path.Combine(TraceFiles.SolutionDirectory, "PadHub.Benchmarks", "yjs");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "yjs")))
        {
            Console.Error.WriteLine($"npm ci in {directory}");
            ExternalProcess.Run("npm", ["ci", "--no-audit", "--no-fund"], directory, captureStdout: false);
        }

        Console.Error.WriteLine($"Yjs: node replay.mjs ({warmup} warmup, {runs} runs)");
        var output = ExternalProcess.Run(
            "node",
            ["replay.mjs", tracePath, "--runs", runs.ToString(CultureInfo.InvariantCulture), "--warmup", warmup.ToString(CultureInfo.InvariantCulture)],
            directory,
            captureStdout: true);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        if (!root.GetProperty("textMatched").GetBoolean())
        {
            throw new InvalidOperationException("The Yjs replay did not end on endContent.");
        }

        return new YjsResult(
            root.GetProperty("version").GetString() ?? "?",
            root.GetProperty("node").GetString() ?? "?",
            root.GetProperty("medianMs").GetDouble(),
            root.GetProperty("medianCpuMs").GetDouble(),
            root.GetProperty("edits").GetInt32(),
            [.. root.GetProperty("timesMs").EnumerateArray().Select(e => e.GetDouble())]);
    }

    private static string Report(string traceName, int edits, PadHubResult padHub, YjsResult yjs, Options options)
    {
        if (yjs.Edits != edits)
        {
            throw new InvalidOperationException($"Yjs replayed {yjs.Edits} edits, PadHub {edits}.");
        }

        var ratio = yjs.MedianMs / padHub.MedianMs;
        var cpuRatio = yjs.MedianCpuMs / padHub.MedianCpuMs;
        var padHubNs = padHub.MedianMs * 1e6 / edits;
        var yjsNs = yjs.MedianMs * 1e6 / edits;
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"### Side by side: {traceName} ({edits:N0} edits), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"),
            "",
            $"Machine: {MachineInfo.Describe()}; node {yjs.Node}.",
            "",
            "| engine | total ms (median) | ns/edit | bytes/edit | Yjs time / engine time | CPU ms (median) |",
            "|---|---:|---:|---:|---:|---:|",
            string.Create(c, $"| PadHub PadDocument (.NET {Environment.Version}) | {padHub.MedianMs:0.0} | {padHubNs:0} | {padHub.BytesPerEdit:0.0} | {ratio:0.0}x | {padHub.MedianCpuMs:0.0} |"),
            string.Create(c, $"| Yjs {yjs.Version} (node {yjs.Node}) | {yjs.MedianMs:0.0} | {yjsNs:0} | n/a | 1.0x | {yjs.MedianCpuMs:0.0} |"),
            "",
            string.Create(c, $"PadHub: median of {options.Runs} measured runs, {options.Warmup} warmup runs discarded (ms: {Join(padHub.TimesMs)}). Yjs: median of {options.YjsRuns} measured runs, {options.YjsWarmup} warmup runs discarded (ms: {Join(yjs.TimesMs)})."),
            string.Create(c, $"Load average at the end: {MachineInfo.LoadAverage}. Ratio of the CPU-time medians (less sensitive to other work on the machine): {cpuRatio:0.0}x."),
            string.Create(c, $"Targets: >= {TargetSpeedup:0}x faster than Yjs: {Verdict(ratio >= TargetSpeedup)} ({ratio:0.0}x); <= {TargetBytesPerEdit:0} bytes/edit: {Verdict(padHub.BytesPerEdit <= TargetBytesPerEdit)} ({padHub.BytesPerEdit:0.0})."),
        };
        return string.Join(Environment.NewLine, lines);
    }

    private static string Join(IEnumerable<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)));

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private sealed record PadHubResult(double MedianMs, double MedianCpuMs, double BytesPerEdit, double[] TimesMs);

    private sealed record YjsResult(string Version, string Node, double MedianMs, double MedianCpuMs, int Edits, double[] TimesMs);

    private sealed record Options(string Trace, int Runs, int Warmup, int YjsRuns, int YjsWarmup)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options(TraceFiles.AutomergePaper, Runs: 15, Warmup: 5, YjsRuns: 5, YjsWarmup: 1);
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException(Usage);
                options = args[i] switch
                {
                    "--trace" => options with { Trace = value },
                    "--runs" => options with { Runs = Positive(value) },
                    "--warmup" => options with { Warmup = NonNegative(value) },
                    "--yjs-runs" => options with { YjsRuns = Positive(value) },
                    "--yjs-warmup" => options with { YjsWarmup = NonNegative(value) },
                    _ => throw new ArgumentException(Usage),
                };
                i++;
            }

            return options;
        }

        private static int Positive(string value) =>
            int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException(Usage);

        private static int NonNegative(string value) =>
            int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException(Usage);
    }
}
