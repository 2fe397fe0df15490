using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

// The end of a stage: waiting for the load to settle, draining what is in flight and checking that nobody diverged.
internal static partial class LoadCommand
{
    private static async Task WaitQuietAsync(Func<long> counter, TimeSpan quiet, TimeSpan max, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var last = counter();
        var lastChange = watch.Elapsed;
        while (watch.Elapsed < max)
        {
            await Task.Delay(100, cancellationToken);
            var now = counter();
            if (now != last)
            {
                last = now;
                lastChange = watch.Elapsed;
            }
            else if (watch.Elapsed - lastChange >= quiet)
            {
                return;
            }
        }
    }

    private static async Task<bool> DrainAsync(List<LoadClient> typists, List<LoadClient> clients, TimeSpan max, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < max)
        {
            var live = clients.Where(c => c.Failure is null).ToList();
            if (typists.Where(t => t.Failure is null).All(t => t.IsSynchronized))
            {
                var head = live.Max(c => c.Revision);
                if (live.All(c => c.Revision == head))
                {
                    return true;
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }

    private static async Task CheckDivergenceAsync(Uri url, string padId, string viewToken, string initialText,
        List<LoadClient> clients, bool drained, StageResult result, CancellationToken cancellationToken)
    {
        await using var connection = HubLoadClient.CreateConnection(url);
        await connection.StartAsync(cancellationToken);
        var joined = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(padId, viewToken, LoadClientIds.For("lg-check"), "Checker"), cancellationToken);
        var history = await HistoryReader.ReadAllAsync(connection, padId, 0, cancellationToken);
        var replay = initialText;
        foreach (var item in history)
        {
            replay = item.Operation!.Apply(replay);
        }

        var failed = clients.Count(c => c.Failure is not null);
        var differing = clients.Count(c => c.Failure is null && !string.Equals(c.Text, joined.Text, StringComparison.Ordinal));
        var replayMatches = history.Count == joined.Revision && string.Equals(replay, joined.Text, StringComparison.Ordinal);
        result.FinalRevision = joined.Revision;
        result.FinalLength = joined.Text.Length;
        result.Converged = drained && failed == 0 && differing == 0 && replayMatches;
        result.Divergence = result.Converged
            ? $"none: {clients.Count} clients = fresh Join = replay of {history.Count} ops"
            : $"drained {drained}, {failed} clients failed, {differing} texts differ, replay {(replayMatches ? "matches" : "DIFFERS")} ({history.Count} ops, head {joined.Revision})";
        if (failed > 0)
        {
            foreach (var failure in clients.Where(c => c.Failure is not null).Select(c => c.Failure!).Distinct().Take(3))
            {
                Console.WriteLine($"  failure: {failure}");
            }
        }
    }
}
