using Microsoft.Playwright;

namespace PadHub.Benchmarks.Live;

/// <summary>A page's counters from CDP's <c>Performance.getMetrics</c> (CPU and task time, script, style, layout, their counts).</summary>
internal static class PageMetrics
{
    /// <summary>Every counter now, by name; the session must have sent <c>Performance.enable</c>.</summary>
    public static async Task<Dictionary<string, double>> ReadAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics");
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble(), StringComparer.Ordinal);
    }

    /// <summary>What each counter grew by between two readings.</summary>
    public static Dictionary<string, double> Subtract(Dictionary<string, double> after, Dictionary<string, double> before) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);
}
