using BenchmarkDotNet.Running;
using PadHub.Benchmarks.EditorFloor;
using PadHub.Benchmarks.Exports;
using PadHub.Benchmarks.Live;
using PadHub.Benchmarks.Runners;

// `sidebyside`: PadDocument vs Yjs on automerge-paper in one run, one markdown table (docs/BENCHMARKS.md).
// `traces`: every trace replayed once, with a final-text check.
// `profile [--trace NAME | --contended K]`: a stopwatch split of a commit loop into its parts.
// `load`: typists and followers on one pad through /hubs/pad against a server process (docs/BENCHMARKS-live.md).
// `latency`: keystroke to the other page's screen in Chromium on the editor page (docs/BENCHMARKS-live.md).
// `hostile`: an honest typist's acknowledgements while attackers send the review's 600,000-component probe (docs/BENCHMARKS-live.md).
// `history-load`: an editor's submit round trips idle vs while viewers page through a long history (docs/BENCHMARKS-live.md).
// `history`: GetRevision at random depths of a replayed trace, alone and while a typist types (docs/BENCHMARKS-live.md).
// `export [--size N] [--repeat 5]`: each export stage of a 1 MB pad of several shapes, in process (docs/BENCHMARKS-live.md).
// `weight --published DIR`: what the audience page transfers on a cold cache from a published build (docs/BENCHMARKS-phones.md).
// `editor-floor`: a keystroke's main thread in a bare contenteditable, bare CodeMirror and PadHub's set-up, no server (docs/BENCHMARKS-phones.md).
// `viewbytes`: bytes each live viewer (audience page, dashboard) receives per keystroke, by pad size (docs/BENCHMARKS-live.md).
// Anything else goes to BenchmarkDotNet: every [Benchmark] class in this assembly; pick suites with --filter.
return args switch
{
    ["sidebyside", .. var rest] => SideBySideRunner.Run(rest),
    ["traces", .. var rest] => TracesRunner.Run(rest),
    ["profile", .. var rest] => ProfileRunner.Run(rest),
    ["load", .. var rest] => await LoadCommand.RunAsync(rest),
    ["latency", .. var rest] => await LatencyCommand.RunAsync(rest),
    ["export", .. var rest] => await ExportCommand.RunAsync(rest),
    ["viewbytes", .. var rest] => await ViewBytesCommand.RunAsync(rest),
    ["editor-floor", .. var rest] => await EditorFloorCommand.RunAsync(rest),
    ["weight", .. var rest] => await WeightCommand.RunAsync(rest),
    ["hostile", .. var rest] => await HostileCommand.RunAsync(rest),
    ["hostile-attackers", .. var rest] => await HostileAttackers.RunAsync(rest),
    ["history", .. var rest] => await HistoryCommand.RunAsync(rest),
    ["history-load", .. var rest] => await HistoryLoadCommand.RunAsync(rest),
    ["history-load-viewers", .. var rest] => await HistoryLoadViewers.RunAsync(rest),
    _ => BenchmarkSwitcher.FromAssembly(typeof(SideBySideRunner).Assembly).Run(args).Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0,
};
