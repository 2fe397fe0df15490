namespace PadHub.Benchmarks.Live;

internal readonly record struct LatencySummary(int Count, double P50, double P90, double P99, double P999, double Max);
