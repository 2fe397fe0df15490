using System.Diagnostics;
using System.Globalization;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// The attackers of <c>hostile</c>, in a process of their own (<c>hostile-attackers</c>), so that sending 1.8 MB frames
/// never holds up the honest typist's continuations in the measuring process: only the machine's two cores are shared,
/// as they would be with a real attacker on the same host. Protocol on stdin/stdout (<see cref="ChildProcess"/>): prints
/// <c>ready</c> once joined, attacks from a <c>go</c> line until a <c>stop</c> line, then prints <c>sent N</c> and
/// <c>codes name=count,...</c>.
/// </summary>
internal static class HostileAttackers
{
    public static async Task<int> RunAsync(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name) => int.Parse(values[name], CultureInfo.InvariantCulture);
        var url = new Uri(values["url"]);
        var attackers = new List<HostileSocket>();
        for (var i = 0; i < Int("attackers"); i++)
        {
            var attacker = await HostileSocket.ConnectAsync(url, CancellationToken.None);
            await attacker.JoinAsync(values["pad"], values["token"], CancellationToken.None);
            attacker.PrepareProbe(values["pad"], Int("pairs"), Int("initial"));
            attackers.Add(attacker);
        }

        Console.WriteLine($"ready {attackers[0].ProbeBytes}");
        await ChildProcess.WaitForLineAsync("go");

        using var stop = new CancellationTokenSource();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var attacking = attackers.Select(a => AttackAsync(a, Int("rate"), Int("stale"), codes, stop.Token)).ToArray();
        await ChildProcess.WaitForLineAsync("stop");

        await stop.CancelAsync();
        var sent = (await Task.WhenAll(attacking)).Sum();
        foreach (var attacker in attackers)
        {
            await attacker.DisposeAsync();
        }

        Console.WriteLine($"sent {sent}");
        Console.WriteLine("codes " + string.Join(',', codes.Select(c => $"{c.Key}={c.Value}")));
        return 0;
    }

    /// <summary>Starts the attackers' process and waits until they have joined.</summary>
    public static Task<Process> StartAsync(Uri url, CreatedPad pad, int attackers, int pairs, int initialLength, int rate, int stale) =>
        ChildProcess.StartAsync("hostile-attackers",
        [
            ("url", url.ToString()), ("pad", pad.PadId), ("token", pad.EditToken), ("attackers", Str(attackers)), ("pairs", Str(pairs)),
            ("initial", Str(initialLength)), ("rate", Str(rate)), ("stale", Str(stale)),
        ]);

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> AttackAsync(HostileSocket attacker, int rate, int stale, Dictionary<string, int> codes, CancellationToken cancellationToken)
    {
        var interval = (long)(Stopwatch.Frequency / (double)rate);
        var next = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>();
        var sent = 0;
        long seq = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var answer = await attacker.SendProbeAsync(++seq, Math.Max(0, attacker.HeadRevision - stale), CancellationToken.None).ConfigureAwait(false);
            inFlight.Add(CountAsync(answer, codes));
            sent++;
            inFlight.RemoveAll(t => t.IsCompleted);
            next += interval;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None).ConfigureAwait(false);
        return sent;
    }

    private static async Task CountAsync(Task<string?> answer, Dictionary<string, int> codes)
    {
        var code = await answer.ConfigureAwait(false) ?? "committed";
        lock (codes)
        {
            codes[code] = codes.GetValueOrDefault(code) + 1;
        }
    }
}
