namespace PadHub.Server.Hubs.Wire;

/// <summary>
/// Sent when what this connection may do in a pad changed: a session's pads were locked or unlocked, or the link was
/// revoked (<see cref="Revoked"/>; the server then leaves the pad for the connection and refuses every further call).
/// </summary>
public sealed record AccessChangedEvent(string PadId, string Role, bool CanWrite, string? Reason, bool Revoked);
