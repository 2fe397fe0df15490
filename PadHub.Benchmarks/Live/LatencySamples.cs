using System.Diagnostics;

namespace PadHub.Benchmarks.Live;

/// <summary>Latency samples in Stopwatch ticks, recorded from many threads, summarised once at the end.</summary>
internal sealed class LatencySamples
{
    private readonly Lock _gate = new();
    private readonly List<long> _ticks = [];

    public void Add(long ticks)
    {
        lock (_gate)
        {
            _ticks.Add(ticks);
        }
    }

    public void AddRange(ReadOnlySpan<long> ticks)
    {
        lock (_gate)
        {
            _ticks.AddRange(ticks);
        }
    }

    public LatencySummary Summarise()
    {
        long[] sorted;
        lock (_gate)
        {
            sorted = [.. _ticks];
        }

        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Ms(sorted, 0.50), Ms(sorted, 0.90), Ms(sorted, 0.99), Ms(sorted, 0.999),
            sorted.Length == 0 ? double.NaN : ToMs(sorted[^1]));
    }

    public static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    // Nearest-rank percentile.
    private static double Ms(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : ToMs(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]);
}
