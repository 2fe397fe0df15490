namespace PadHub.Benchmarks.Live;

/// <summary>What one viewer page of <see cref="ViewBytesCommand"/> received and sent while the keystrokes were typed.</summary>
internal sealed record ViewerResult(string Viewer, long Received, long Sent, int Frames);
