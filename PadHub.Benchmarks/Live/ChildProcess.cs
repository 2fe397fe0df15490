using System.Diagnostics;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// A benchmark's load generator in a process of its own: this same program started again with a child command, so
/// that the load's own work never holds up the measured client's continuations in the measuring process (only the
/// machine's cores are shared). Protocol on stdin/stdout: the child prints a line starting with <c>ready</c> once it is
/// set up, works from a <c>go</c> line until a <c>stop</c> line, then prints its counts and exits.
/// </summary>
internal static class ChildProcess
{
    /// <summary>Starts <c>command</c> with <paramref name="options"/> (<c>--name value</c>) and waits for its ready line.</summary>
    public static async Task<Process> StartAsync(string command, IEnumerable<(string Name, string Value)> options)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add(command);
        foreach (var (name, value) in options)
        {
            start.ArgumentList.Add("--" + name);
            start.ArgumentList.Add(value);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"The {command} process did not start.");
        var ready = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false);
        return ready?.StartsWith("ready", StringComparison.Ordinal) == true
            ? process
            : throw new InvalidOperationException($"The {command} process said '{ready}' instead of ready.");
    }

    /// <summary>Parent side: sends <paramref name="line"/> (<c>go</c>, <c>stop</c>) to the child.</summary>
    public static async Task SignalAsync(this Process child, string line)
    {
        await child.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await child.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Child side: completes once stdin has a <paramref name="line"/> line (or is closed: the parent is gone). Reads on a
    /// thread of its own, so that waiting never takes one of the thread pool's few threads from the load.
    /// </summary>
    public static Task WaitForLineAsync(string line) =>
        Task.Factory.StartNew(
            () =>
            {
                while (Console.ReadLine() is { } read && read != line)
                {
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
