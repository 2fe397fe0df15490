using System.Globalization;

namespace PadHub.Benchmarks.Exports;

/// <summary>Milliseconds per stage over the repetitions, in the order stages were first seen.</summary>
internal sealed class StageTimes
{
    private readonly Dictionary<string, List<double>> _samples = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string stage, TimeSpan elapsed)
    {
        if (!_samples.TryGetValue(stage, out var list))
        {
            _samples[stage] = list = [];
            _order.Add(stage);
        }

        list.Add(elapsed.TotalMilliseconds);
    }

    public IEnumerable<(string Stage, double Median, double Max, int Count)> Summary() =>
        _order.Select(stage =>
        {
            var sorted = _samples[stage].Order().ToArray();
            var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            return (stage, median, sorted[^1], sorted.Length);
        });

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);
}
