namespace PadHub.Benchmarks.Live;

internal sealed record ResyncRequired(string PadId, int FromRevision);
