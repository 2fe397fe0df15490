using PadHub.Core.Operations;

namespace PadHub.Server.Hubs;

// The wire DTOs of /hubs/pad (docs/PROTOCOL.md). SignalR's JSON protocol writes them camelCase; operations travel in
// the ot.js form ([5, "abc", -2]) through TextOperationJsonConverter.

/// <summary>
/// Join's result. <see cref="Role"/> is what the token grants ("editor"/"viewer"); <see cref="CanWrite"/> whether a
/// Submit would be accepted now (false on a locked session pad), with <see cref="Reason"/> saying why not.
/// <see cref="ParticipantId"/> is this connection's public id (presence, carets); <see cref="ClientTag"/> marks the
/// client's own operations in OpApplied and GetHistory (with their seq).
/// </summary>
public sealed record JoinResponse(
    string PadId, int Revision, string Text, string Role, string AuthorId, string Color, bool CanWrite, string? Reason, string ParticipantId, string ClientTag);

/// <summary>Submit's result: the revision the operation produced.</summary>
public sealed record SubmitResponse(int Revision);

/// <summary>One committed operation, as GetHistory returns it.</summary>
public sealed record HistoryEntry(int Revision, TextOperation Ops, string AuthorId, string ClientTag, long Seq);

/// <summary>GetHistory's result: one page; when <see cref="HasMore"/>, ask again from the last operation's revision.</summary>
public sealed record HistoryResponse(IReadOnlyList<HistoryEntry> Operations, int HeadRevision, bool HasMore);

/// <summary>Sent to every joined connection but the submitter's when an operation is committed.</summary>
public sealed record OpAppliedEvent(string PadId, int Revision, TextOperation Ops, string AuthorId, string ClientTag, long Seq);

/// <summary>Someone connected to a pad.</summary>
public sealed record ParticipantDto(string ParticipantId, string AuthorId, string DisplayName, string Color, string Role);

/// <summary>Sent when the set of people in a pad changes.</summary>
public sealed record PresenceChangedEvent(string PadId, IReadOnlyList<ParticipantDto> Participants);

/// <summary>Sent when someone moves their caret or selection (offsets at <see cref="Revision"/>).</summary>
public sealed record CaretMovedEvent(string PadId, string ParticipantId, string AuthorId, int Revision, int Anchor, int Head);

/// <summary>Sent when this connection fell too far behind: fetch GetHistory from your own revision.</summary>
public sealed record ResyncRequiredEvent(string PadId, int FromRevision);

/// <summary>
/// Sent when what this connection may do in a pad changed: a session's pads were locked or unlocked, or the link was
/// revoked (<see cref="Revoked"/>; the server then leaves the pad for the connection and refuses every further call).
/// </summary>
public sealed record AccessChangedEvent(string PadId, string Role, bool CanWrite, string? Reason, bool Revoked);

/// <summary>The events a /hubs/pad client receives.</summary>
public interface IPadClient
{
    /// <summary>An operation someone else committed, in revision order.</summary>
    Task OpApplied(OpAppliedEvent message);

    /// <summary>The set of participants changed.</summary>
    Task PresenceChanged(PresenceChangedEvent message);

    /// <summary>Someone moved their caret.</summary>
    Task CaretMoved(CaretMovedEvent message);

    /// <summary>Events were dropped for this connection: catch up with GetHistory.</summary>
    Task ResyncRequired(ResyncRequiredEvent message);

    /// <summary>This connection's access to a pad changed (lock, unlock, revoked link).</summary>
    Task AccessChanged(AccessChangedEvent message);
}
