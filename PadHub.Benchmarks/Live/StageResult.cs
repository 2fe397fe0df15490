using System.Globalization;

namespace PadHub.Benchmarks.Live;

/// <summary>One load stage's figures, as the report's table and summary row print them.</summary>
internal sealed class StageResult
{
    public const string SummaryHeader = """
        | typists | followers | edits/s made | edits/s committed | ops/s committed | ops/s delivered | echo p50 ms | echo p99 ms | submit RTT p99 ms | server CPU | load gen CPU | other CPU | server peak RSS | errors | divergence |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|
        """;

    public int Typists { get; init; }

    public int Followers { get; init; }

    public double Seconds { get; init; }

    public double JoinSeconds { get; set; }

    public double JoinAndPresenceSeconds { get; set; }

    public double JoinServerCpuSeconds { get; set; }

    public long PresenceEvents { get; set; }

    public double WindowSeconds { get; set; }

    public double EditsMadePerSecond { get; set; }

    public double EditsCommittedPerSecond { get; set; }

    public double OpsCommittedPerSecond { get; set; }

    public double OpsDeliveredPerSecond { get; set; }

    public double ServerCpuPercent { get; set; }

    public double LoadGenCpuPercent { get; set; }

    public double MachineBusyPercent { get; set; }

    public double OtherCpuPercent { get; set; }

    public string LoadAverage { get; set; } = "";

    public long ServerRssDuringRun { get; set; }

    public long ServerPeakRss { get; set; }

    public int ServerThreads { get; set; }

    public int LoadGenGen2 { get; set; }

    public LatencySummary Echo { get; set; }

    public LatencySummary SubmitRoundTrip { get; set; }

    public LatencySummary ScheduleLag { get; set; }

    public Dictionary<string, int> Errors { get; set; } = [];

    public long Resyncs { get; set; }

    public double DrainSeconds { get; set; }

    public int FinalRevision { get; set; }

    public int FinalLength { get; set; }

    public bool Converged { get; set; }

    public string Divergence { get; set; } = "not checked";

    private string ErrorText => Errors.Count == 0 ? "none" : string.Join(", ", Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"));

    public string ToTable() => string.Create(CultureInfo.InvariantCulture, $"""

        ### {Typists} typists + {Followers} followers

        | metric | value |
        |---|---|
        | join ({Typists + Followers} clients, 8 at a time) | {JoinSeconds:F1} s; presence settled at {JoinAndPresenceSeconds:F1} s; server CPU {JoinServerCpuSeconds:F1} s; {PresenceEvents:N0} PresenceChanged received |
        | measured window | {WindowSeconds:F1} s |
        | edits/s made (target {Typists * 5}) | {EditsMadePerSecond:F0} (schedule lag p99 {ScheduleLag.P99:F1} ms) |
        | edits/s committed | {EditsCommittedPerSecond:F0} |
        | ops/s committed (composed edits) | {OpsCommittedPerSecond:F0} |
        | ops/s delivered (OpApplied received, all clients) | {OpsDeliveredPerSecond:F0} |
        | echo latency p50 / p90 / p99 / p99.9 / max | {Echo.P50:F1} / {Echo.P90:F1} / {Echo.P99:F1} / {Echo.P999:F1} / {Echo.Max:F1} ms ({Echo.Count:N0} samples) |
        | submit round trip p50 / p99 | {SubmitRoundTrip.P50:F1} / {SubmitRoundTrip.P99:F1} ms |
        | server CPU (of one core; 2 cores = 200%) | {(double.IsNaN(ServerCpuPercent) ? "n/a (--url)" : ServerCpuPercent.ToString("F0", CultureInfo.InvariantCulture) + "%")} |
        | load generator CPU (of one core) | {LoadGenCpuPercent:F0}% |
        | machine busy (2 cores = 200%) / other processes | {MachineBusyPercent:F0}% / {OtherCpuPercent:F0}% (load average {LoadAverage}) |
        | server RSS (max sampled during typing / process peak) | {ServerRssDuringRun / 1048576.0:F0} / {ServerPeakRss / 1048576.0:F0} MiB |
        | errors by code | {ErrorText}; {Resyncs} ResyncRequired |
        | drain after typing | {DrainSeconds:F1} s |
        | final pad | revision {FinalRevision}, {FinalLength:N0} characters |
        | divergence check | {Divergence} |

        """);

    public string ToSummaryRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Typists} | {Followers} | {EditsMadePerSecond:F0} | {EditsCommittedPerSecond:F0} | {OpsCommittedPerSecond:F0} | {OpsDeliveredPerSecond:F0} | {Echo.P50:F1} | {Echo.P99:F1} | {SubmitRoundTrip.P99:F1} | {(double.IsNaN(ServerCpuPercent) ? "n/a (--url)" : ServerCpuPercent.ToString("F0", CultureInfo.InvariantCulture) + "%")} | {LoadGenCpuPercent:F0}% | {OtherCpuPercent:F0}% | {ServerPeakRss / 1048576.0:F0} MiB | {ErrorText} | {(Converged ? "none" : "DIVERGED/INCOMPLETE")} |");
}
