namespace PadHub.Benchmarks.Live;

/// <summary>One HTTP response of a page load: bytes on the wire (headers included) and the decoded body's length.</summary>
internal sealed record PageResource(Uri Url, int Status, string Encoding, long Transferred, long Decoded);
