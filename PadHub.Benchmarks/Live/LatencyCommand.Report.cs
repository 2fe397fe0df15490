using System.Globalization;

namespace PadHub.Benchmarks.Live;

// From the stamps to the report: pairing keystrokes with characters, latencies and percentiles.
internal static partial class LatencyCommand
{
    // Greedy subsequence match of what arrived against what was typed: (keystroke index, character index) pairs and the
    // positions of the keystrokes that never arrived.
    private static (List<(int Key, int Char)> Pairs, List<int> Lost) Align(string typed, string arrived)
    {
        var pairs = new List<(int, int)>();
        var lost = new List<int>();
        var j = 0;
        for (var i = 0; i < typed.Length; i++)
        {
            if (j < arrived.Length && typed[i] == arrived[j])
            {
                pairs.Add((i, j++));
            }
            else
            {
                lost.Add(i);
            }
        }

        return (pairs, lost);
    }

    private static double[] Latencies(double[] from, double[] to, List<(int Key, int Char)> pairs) =>
        [.. pairs.Where(p => p.Key < from.Length && p.Char < to.Length).Select(p => to[p.Char] - from[p.Key]).Order()];

    // Nearest rank.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    private static void Report(int keys, int keyDelay, int warmupKeys, int typists, double rate, double typingSeconds, double skew,
        double[] keydowns, double[] appear, double[] local, double[] atHub, double[] framesB, double wallSkew, bool warmupSurvived, bool textMatches,
        List<(int Key, int Char)> pairs, List<int> lost, LoadRun run)
    {
        var hubLatencies = Latencies(keydowns, atHub, pairs);
        double H(double p) => Percentile(hubLatencies, p);
        var latencies = Latencies(keydowns, appear, pairs);
        var localLatencies = Latencies(keydowns, local, pairs);
        double P(double p) => Percentile(latencies, p);
        // For each character B showed: the last message B's event loop picked up before it, and the hub follower's
        // receipt of the same character (the server's fan-out moment, give or take the follower's own delay).
        var frameToDom = new List<double>();
        var hubToFrame = new List<double>();
        foreach (var (_, c) in pairs)
        {
            if (c >= appear.Length)
            {
                continue;
            }

            var at = Array.BinarySearch(framesB, appear[c]);
            var frame = at >= 0 ? at : ~at - 1;
            if (frame < 0)
            {
                continue;
            }

            frameToDom.Add(appear[c] - framesB[frame]);
            if (c < atHub.Length)
            {
                hubToFrame.Add(framesB[frame] - atHub[c]);
            }
        }

        double[] frameToDomSorted = [.. frameToDom.Order()];
        double[] hubToFrameSorted = [.. hubToFrame.Order()];
        double F(double p) => Percentile(frameToDomSorted, p);
        double G(double p) => Percentile(hubToFrameSorted, p);
        double L(double p) => Percentile(localLatencies, p);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | metric | value |
            |---|---|
            | keystrokes measured (after {warmupKeys} warm-up keystrokes) | {keys}, {keys / typingSeconds:F1} keys/s ({keyDelay} ms pause after each) |
            | keydowns recorded on A / characters seen appearing on B | {keydowns.Length} / {appear.Length} |
            | measured keystrokes lost (never in A's line nor the pad) | {(lost.Count == 0 ? "none" : $"{lost.Count}, at keystroke {string.Join(", ", lost)}")} |
            | warm-up keystrokes all in the pad | {(warmupSurvived ? "yes" : "NO (see the lines printed above)")} |
            | other typists meanwhile (hub clients, Poisson) | {typists} at {rate} edits/s: {run.EditsMade} edits made, {run.OpsAcknowledged} operations committed |
            | keystroke to B's DOM, p50 / p90 / p99 / max | {P(0.50):F1} / {P(0.90):F1} / {P(0.99):F1} / {(latencies.Length == 0 ? double.NaN : latencies[^1]):F1} ms |
            | min | {(latencies.Length == 0 ? double.NaN : latencies[0]):F1} ms |
            | part of it: keystroke to a hub follower receiving it from the server (A's circuit, authority, commit, fan-out), p50 / p90 / p99 | {H(0.50):F1} / {H(0.90):F1} / {H(0.99):F1} ms ({atHub.Length} characters; wall clock, checked within {wallSkew:F1} ms) |
            | part of it: hub follower's receipt to B's event loop picking up the message (server to B's circuit, B's socket), p50 / p90 / p99 | {G(0.50):F1} / {G(0.90):F1} / {G(0.99):F1} ms |
            | part of it: B's event loop picking up the message to B's DOM (Blazor's interop dispatch, the editor, CodeMirror), p50 / p90 / p99 | {F(0.50):F1} / {F(0.90):F1} / {F(0.99):F1} ms |
            | for reference: keystroke to A's own DOM (local echo), p50 / p99 | {L(0.50):F1} / {L(0.99):F1} ms |
            | clock check (A, B, A readings, 10 tries) | B always inside A's window; the narrowest was {skew:F2} ms wide |
            | measured keystrokes: A's line = B's line = what A typed | {(textMatches ? "yes" : "NO")} |
            | errors (hub typists) | {(run.Errors.Count == 0 ? "none" : string.Join(", ", run.Errors.Select(e => $"{e.Key} {e.Value}")))} |
            """));
    }
}
