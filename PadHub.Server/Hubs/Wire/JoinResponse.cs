namespace PadHub.Server.Hubs.Wire;

/// <summary>
/// Join's result. <see cref="Role"/> is what the token grants ("editor"/"viewer"); <see cref="CanWrite"/> whether a
/// Submit would be accepted now (false on a locked session pad), with <see cref="Reason"/> saying why not.
/// <see cref="ParticipantId"/> is this connection's public id (presence, carets); <see cref="ClientTag"/> marks the
/// client's own operations in OpApplied and GetHistory (with their seq).
/// </summary>
public sealed record JoinResponse(
    string PadId, int Revision, string Text, string Role, string AuthorId, string Color, bool CanWrite, string? Reason, string ParticipantId, string ClientTag);
