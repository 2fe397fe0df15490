namespace PadHub.Components.Contracts.Participation;

/// <summary>A note-taker's call to the moderator.</summary>
/// <param name="CallId">Unique per call (a new call of the same group gets a new one).</param>
/// <param name="Message">The optional short message (plain text, one line), or null.</param>
/// <param name="SeenAt">When the moderator acknowledged it; null while it is open.</param>
public sealed record HelpCall(string CallId, string GroupId, string? Message, DateTimeOffset CalledAt, DateTimeOffset? SeenAt = null)
{
    /// <summary>Waiting for the moderator.</summary>
    public bool IsOpen => SeenAt is null;
}
