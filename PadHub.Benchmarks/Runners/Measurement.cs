using System.Diagnostics;

namespace PadHub.Benchmarks.Runners;

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
