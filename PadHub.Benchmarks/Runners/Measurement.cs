using System.Diagnostics;

namespace PadHub.Benchmarks.Runners;

/// <summary>One timed run: wall and CPU time, bytes allocated on the running thread, and GCs that happened during it.</summary>
/// <param name="Elapsed">Wall time of the timed region.</param>
/// <param name="CpuTime">
/// Process CPU time (user + system, all threads) spent during the region: unlike wall time it does not count the time
/// the thread waited for a core, so it stays meaningful when other work shares the machine.
/// </param>
/// <param name="AllocatedBytes">GC.GetAllocatedBytesForCurrentThread() after minus before.</param>
/// <param name="Gen0">Gen 0 collections during the run.</param>
/// <param name="Gen2">Gen 2 collections during the run.</param>
/// <param name="GcPause">Time the runtime was paused for garbage collection during the run (wall time).</param>
public readonly record struct RunSample(TimeSpan Elapsed, TimeSpan CpuTime, long AllocatedBytes, int Gen0, int Gen2, TimeSpan GcPause);

/// <summary>Stopwatch-and-allocation measurement for the console runners (BenchmarkDotNet does its own).</summary>
public static class Measurement
{
    /// <summary>Collects garbage, then times <paramref name="body"/> and counts what it allocates.</summary>
    public static RunSample Once(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        body();
        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        cpu = Environment.CpuUsage.TotalTime - cpu;
        return new RunSample(elapsed, cpu, allocated, GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2,
            GC.GetTotalPauseDuration() - pause);
    }

    /// <summary>The median (mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
