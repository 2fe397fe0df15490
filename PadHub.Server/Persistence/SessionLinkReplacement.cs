namespace PadHub.Server.Persistence;

/// <summary>
/// A regenerated session link: the old token is revoked at <c>NewToken.CreatedAt</c> and the new one added, with the
/// bookkeeping the new link needs. Null members are left as stored.
/// </summary>
/// <param name="AudienceLinkGeneration">The session's new audience link generation.</param>
/// <param name="NoteTakerLinkGeneration">The new note-taker link generation of the new token's group.</param>
/// <param name="SealedLinkSecret">The link secret sealed under a new moderator token.</param>
/// <param name="ResultsLinkGeneration">The session's new results link generation.</param>
public sealed record SessionLinkReplacement(
    string SessionId,
    byte[] OldTokenHash,
    StoredSessionToken NewToken,
    int? AudienceLinkGeneration,
    int? NoteTakerLinkGeneration,
    byte[]? SealedLinkSecret,
    int? ResultsLinkGeneration = null);
