namespace PadHub.Components.Contracts.Pads;

/// <summary>A request to join a pad with a link's token.</summary>
/// <param name="Token">The capability token from the pad's edit or view link.</param>
/// <param name="ClientId">The client's secret id (one per browser tab or bot connection, 32-64 characters of A-Z a-z 0-9 - _),
/// stable across reconnects so resent edits are recognised. Never shown to anyone else: others see its participant id,
/// author id and client tag.</param>
/// <param name="DisplayName">The name shown to the other participants.</param>
/// <param name="PadId">The pad to join. Optional for a pad's own links and a note-taker's link (they name one pad); required
/// for session links that reach several pads (moderator, audience).</param>
public sealed record PadJoinRequest(string Token, string ClientId, string DisplayName, string? PadId = null)
{
    /// <summary>Shortest client id accepted: a <c>Guid.ToString("N")</c>.</summary>
    public const int MinClientIdLength = 32;

    /// <summary>Longest client id accepted.</summary>
    public const int MaxClientIdLength = 64;

    /// <summary>Longest display name accepted.</summary>
    public const int MaxDisplayNameLength = 64;
}
