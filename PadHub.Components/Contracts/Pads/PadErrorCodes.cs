namespace PadHub.Components.Contracts.Pads;

/// <summary>The stable error codes of the pad protocol (docs/PROTOCOL.md); messages start with <c>code:</c>.</summary>
public static class PadErrorCodes
{
    /// <summary>The operation is malformed or does not fit the document.</summary>
    public const string InvalidOp = "invalid-op";

    /// <summary>The base revision is ahead of the head or older than the retained history.</summary>
    public const string StaleRevision = "stale-revision";

    /// <summary>The token does not allow this (a viewer writing, a revoked link).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The operation, message or resulting pad is over a limit.</summary>
    public const string TooLarge = "too-large";

    /// <summary>No such pad, or the token is unknown.</summary>
    public const string NotFound = "not-found";

    /// <summary>This connection sends faster than its rate limit.</summary>
    public const string RateLimited = "rate-limited";
}
