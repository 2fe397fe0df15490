namespace PadHub.Components.Contracts.Pads;

/// <summary>A pad request refused with a stable <see cref="Code"/> (one of <see cref="PadErrorCodes"/>). Nothing changed.</summary>
public sealed class PadException(string code, string message, Exception? innerException = null)
    : Exception($"{code}: {message}", innerException)
{
    /// <summary>One of <see cref="PadErrorCodes"/>.</summary>
    public string Code { get; } = code;

    /// <summary>
    /// A <c>forbidden</c> join because the client id was first used on the pad with another role: joining again with
    /// another client id works (the editor keeps one id per role for this).
    /// </summary>
    public bool ClientIdInUse { get; init; }

    /// <summary>A <c>rate-limited</c> refusal that knows when a retry will be admitted (pages say it in their language).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
