namespace PadHub.Benchmarks.Live;

/// <summary>What <c>POST /api/pads</c> returns that the benchmarks use (the capability tokens are in the links too).</summary>
internal sealed record CreatedPad(string PadId, string EditToken, string ViewToken);
