namespace PadHub.Components.Contracts.Results;

/// <summary>
/// A session's results as its results link (<c>/r/{token}</c>) reads them. The token is checked on the server at every
/// call: only a results link of a live session answers; any other token (unknown, replaced, or a link of another
/// kind) gets null, so a caller cannot tell them apart.
/// </summary>
public interface IResultsService
{
    /// <summary>
    /// One immutable snapshot of the session's results: after the end, each pad at its recorded revision; before it, each
    /// pad at its head. Null when <paramref name="token"/> is no valid results link.
    /// </summary>
    Task<ResultsSnapshot?> GetSnapshotAsync(string token, CancellationToken cancellationToken = default);
}
