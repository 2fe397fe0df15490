namespace PadHub.Benchmarks.Live;

internal sealed record HistoryRequest(string PadId, int FromRevision);
