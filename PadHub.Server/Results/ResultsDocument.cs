namespace PadHub.Server.Results;

/// <summary>One downloadable file of the results, written only when asked for (<see cref="Build"/>).</summary>
internal sealed record ResultsDocument(string File, string ContentType, Func<string> Build);
