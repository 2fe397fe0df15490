using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using PadHub.Benchmarks.Runners;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>hostile</c>: the review's probe against a real server process. One honest typist submits ordinary one-character
/// edits on a pad and times each acknowledgement; in the middle phase, attackers on the same pad send Submits of
/// 600,000 components (about 1.8 MB) based 100 revisions back, each connection at its rate limit. Prints the typist's
/// acknowledgement latency in the quiet phases and under attack side by side, and the codes the attackers got.
/// </summary>
/// <remarks>
/// Options: <c>--seconds</c> per phase (default 20), <c>--attackers</c> (4), <c>--pairs</c> (300,000: 600,000
/// components and a final retain), <c>--stale</c> (100), <c>--rate</c> probes a second per attacker (40, the default
/// SubmitsPerSecond), <c>--typing-ms</c> between the typist's edits (50).
/// </remarks>
internal static class HostileCommand
{
    private const int InitialLength = 400_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MachineInfo.CpuModel}; .NET {Environment.Version}; server, typist and attackers share the cores");
        var (server, pad) = await ServerProcess.StartAsync(new string('b', InitialLength), "Production", new Dictionary<string, string>(), cancel.Token);
        await using (server)
        {
            await using var typist = await Typist.StartAsync(server.Url, pad, cancel.Token);

            // Enough history for a base 100 revisions back.
            await typist.TypeAsync(options.Stale + 10, TimeSpan.Zero, null, cancel.Token);

            using var attackers = await HostileAttackers.StartAsync(server.Url, pad, options.Attackers, options.Pairs, InitialLength, options.Rate, options.Stale);
            Console.WriteLine($"probe: {(2 * options.Pairs) + 1:N0} components, about {options.Pairs * 6 / 1e6:F2} MB per Submit, based {options.Stale} revisions back; {options.Attackers} attackers (a process of their own) at {options.Rate}/s each; typist every {options.TypingMs} ms; {options.Seconds} s per phase");

            // The quiet phases before and after the attack share one set of samples.
            var quiet = new LatencySamples();
            var hostile = new LatencySamples();
            var phase = TimeSpan.FromSeconds(options.Seconds);
            var typing = TimeSpan.FromMilliseconds(options.TypingMs);
            var cpu0 = server.CpuTime;
            await typist.TypeFor(phase, typing, quiet, cancel.Token);
            var cpu1 = server.CpuTime;

            await attackers.SignalAsync("go");
            await typist.TypeFor(phase, typing, hostile, cancel.Token);
            await attackers.SignalAsync("stop");
            var sent = await attackers.StandardOutput.ReadLineAsync();
            var codes = await attackers.StandardOutput.ReadLineAsync();
            await attackers.WaitForExitAsync(cancel.Token);
            var cpu2 = server.CpuTime;

            await typist.TypeFor(phase, typing, quiet, cancel.Token);
            var state = await typist.ReadPadAsync(cancel.Token);

            Print("quiet (before + after)", quiet.Summarise(), cpu1 - cpu0, phase);
            Print("under attack", hostile.Summarise(), cpu2 - cpu1, phase);
            var q = quiet.Summarise();
            var h = hostile.Summarise();
            Console.WriteLine($"attackers: {sent} probes; answers: {codes}");
            Console.WriteLine($"delay under attack vs quiet: p50 {h.P50 - q.P50:+0.0;-0.0} ms, p99 {h.P99 - q.P99:+0.0;-0.0} ms, max {h.Max - q.Max:+0.0;-0.0} ms; worst ack under attack minus quiet p50: {h.Max - q.P50:F1} ms (goal: at most 50 ms)");
            var expected = InitialLength + typist.Committed;
            Console.WriteLine($"pad after the run: revision {state.Revision:N0} (typist commits {typist.Committed:N0}), length {state.Length:N0} (expected {expected:N0}): {(state.Revision == typist.Committed && state.Length == expected ? "only the typist's edits" : "CHANGED BY AN ATTACKER")}");
            return 0;
        }
    }

    private static void Print(string name, LatencySummary s, TimeSpan serverCpu, TimeSpan phase) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"typist ack, {name,-22}: n {s.Count,5}  p50 {s.P50,7:F2} ms  p90 {s.P90,7:F2} ms  p99 {s.P99,7:F2} ms  max {s.Max,7:F2} ms   server CPU {100 * serverCpu.TotalSeconds / phase.TotalSeconds,5:F0}% of a core"));

    private sealed record Options(int Seconds, int Attackers, int Pairs, int Stale, int Rate, int TypingMs)
    {
        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length
                    || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
                {
                    throw new ArgumentException($"Expected --name positive-integer pairs, got '{string.Join(' ', args)}'.");
                }

                values[args[i][2..]] = value;
            }

            var options = new Options(
                values.GetValueOrDefault("seconds", 20), values.GetValueOrDefault("attackers", 4), values.GetValueOrDefault("pairs", 300_000),
                values.GetValueOrDefault("stale", 100), values.GetValueOrDefault("rate", 40), values.GetValueOrDefault("typing-ms", 50));
            return options.Pairs > InitialLength ? throw new ArgumentException("--pairs must be at most the pad's initial length.") : options;
        }
    }

    /// <summary>The honest typist: one-character inserts at the end, each sent once the previous one is acknowledged.</summary>
    private sealed class Typist(HubConnection connection, Uri server, CreatedPad pad, string clientId) : IAsyncDisposable
    {
        private int _revision;
        private long _seq;

        public int Revision => Volatile.Read(ref _revision);

        public int Committed { get; private set; }

        public static async Task<Typist> StartAsync(Uri server, CreatedPad pad, CancellationToken cancellationToken)
        {
            var connection = HubLoadClient.CreateConnection(server);
            await connection.StartAsync(cancellationToken).ConfigureAwait(false);
            var clientId = Guid.NewGuid().ToString("N");
            var joined = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(pad.PadId, pad.EditToken, clientId, "Honest typist"), cancellationToken).ConfigureAwait(false);
            return new Typist(connection, server, pad, clientId) { _revision = joined.Revision };
        }

        public Task TypeFor(TimeSpan duration, TimeSpan interval, LatencySamples samples, CancellationToken cancellationToken) =>
            TypeAsync(int.MaxValue, interval, samples, cancellationToken, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));

        public async Task TypeAsync(int edits, TimeSpan interval, LatencySamples? samples, CancellationToken cancellationToken, long until = long.MaxValue)
        {
            for (var i = 0; i < edits && Stopwatch.GetTimestamp() < until; i++)
            {
                var revision = Revision;
                var length = InitialLength + Committed;
                var started = Stopwatch.GetTimestamp();
                var result = await connection.InvokeAsync<SubmitResult>("Submit",
                    new SubmitRequest(pad.PadId, clientId, ++_seq, revision, TextOperation.ForInsert(length, length, "t")), cancellationToken).ConfigureAwait(false);
                samples?.Add(Stopwatch.GetTimestamp() - started);
                Volatile.Write(ref _revision, result.Revision);
                Committed++;
                if (interval > TimeSpan.Zero)
                {
                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        public async Task<(int Revision, int Length)> ReadPadAsync(CancellationToken cancellationToken)
        {
            await using var probe = HubLoadClient.CreateConnection(server);
            await probe.StartAsync(cancellationToken).ConfigureAwait(false);
            var state = await probe.InvokeAsync<JoinResult>("Join", new JoinRequest(pad.PadId, pad.ViewToken, Guid.NewGuid().ToString("N"), "Probe"), cancellationToken).ConfigureAwait(false);
            return (state.Revision, state.Text.Length);
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
