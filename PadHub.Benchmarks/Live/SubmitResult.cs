namespace PadHub.Benchmarks.Live;

internal sealed record SubmitResult(int Revision);
