namespace PadHub.Components.Contracts.Sessions;

/// <summary>A request refused as a whole (nothing was created or changed), with one message per offending field.</summary>
public sealed class SessionValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The session is not valid: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    /// <summary>Field path (camelCase, e.g. <c>groups[1].topic</c>) to messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
