using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// The viewers of <c>history-load</c>, in a process of their own (<c>history-load-viewers</c>). In real life history
/// readers sit on other machines: only the server's cores are shared with the editor's traffic, not the editor's own
/// process. Run inside the measuring process, the viewers' JSON parsing (about 33,000 operations a second) competed
/// with the editor's acknowledgement continuations on one thread pool and made the editor's tail latency a property of
/// the benchmark, not of the server. Here they share only the machine's two cores with the server and the editor.
/// Protocol on stdin/stdout (<see cref="ChildProcess"/>): prints <c>ready</c> once every viewer has joined, reads from a
/// <c>go</c> line until a <c>stop</c> line, then prints <c>read PAGES OPERATIONS RATE-LIMITED SECONDS</c>.
/// </summary>
internal static class HistoryLoadViewers
{
    public static async Task<int> RunAsync(string[] args)
    {
        var values = CommandLine.Parse(args);
        var url = new Uri(values["url"]);
        var pad = values["pad"];
        var viewers = new List<HistoryViewer>();
        for (var i = 0; i < CommandLine.Int(values["viewers"], "viewers"); i++)
        {
            viewers.Add(await HistoryViewer.JoinAsync(url, pad, values["token"], i));
        }

        Console.WriteLine($"ready {viewers.Count}");
        await ChildProcess.WaitForLineAsync("go");

        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var reading = viewers.Select(v => v.ReadAsync(stop.Token)).ToArray();
        await ChildProcess.WaitForLineAsync("stop");
        await stop.CancelAsync();
        await Task.WhenAll(reading);
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {viewers.Sum(v => v.Pages)} {viewers.Sum(v => v.Operations)} {viewers.Sum(v => v.RateLimited)} {seconds:F3}"));
        return 0;
    }

    /// <summary>Starts the viewers' process and waits until every viewer has joined.</summary>
    public static Task<Process> StartAsync(Uri url, CreatedPad pad, int viewers) =>
        ChildProcess.StartAsync("history-load-viewers",
            [("url", url.ToString()), ("pad", pad.PadId), ("token", pad.ViewToken), ("viewers", viewers.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>The child's report: what the viewers read between <c>go</c> and <c>stop</c>.</summary>
    public static async Task<(long Pages, long Operations, long RateLimited, double Seconds)> StopAsync(Process child, CancellationToken cancellationToken)
    {
        await child.SignalAsync("stop");
        var line = await child.StandardOutput.ReadLineAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var parts = line?.Split(' ');
        return parts is ["read", var pages, var operations, var refused, var seconds]
            ? (long.Parse(pages, CultureInfo.InvariantCulture), long.Parse(operations, CultureInfo.InvariantCulture),
                long.Parse(refused, CultureInfo.InvariantCulture), double.Parse(seconds, CultureInfo.InvariantCulture))
            : throw new InvalidOperationException($"The viewers' process said '{line}' instead of its counts.");
    }

    /// <summary>A view-link connection reading the whole history, page after page, from revision 0 again and again.</summary>
    private sealed class HistoryViewer(HubConnection connection, string padId) : IAsyncDisposable
    {
        public long Pages { get; private set; }

        public long Operations { get; private set; }

        public long RateLimited { get; private set; }

        public static async Task<HistoryViewer> JoinAsync(Uri url, string padId, string viewToken, int index)
        {
            var connection = HubLoadClient.CreateConnection(url);
            await connection.StartAsync();
            await connection.InvokeAsync<JsonElement>("Join", new JoinRequest(padId, viewToken, LoadClientIds.For($"history-viewer{index}"), $"Reader {index}"));
            return new HistoryViewer(connection, padId);
        }

        public async Task ReadAsync(CancellationToken stop)
        {
            var from = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // JsonElement: the reader only needs the last revision and hasMore (keeps this process's CPU low).
                    var page = await connection.InvokeAsync<JsonElement>("GetHistory", new HistoryRequest(padId, from), stop);
                    var operations = page.GetProperty("operations");
                    var count = operations.GetArrayLength();
                    Pages++;
                    Operations += count;
                    from = page.GetProperty("hasMore").GetBoolean() && count > 0 ? operations[count - 1].GetProperty("revision").GetInt32() : 0;
                }
                catch (HubException ex) when (ex.Message.Contains("rate-limited:", StringComparison.Ordinal))
                {
                    RateLimited++; // a sane client waits a while before asking again
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stop).ContinueWith(_ => { }, TaskScheduler.Default);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
