namespace PadHub.Server.Hubs.Wire;

// The wire DTOs of /hubs/pad (docs/PROTOCOL.md) are the records beside this interface. SignalR's JSON protocol writes
// them camelCase; operations travel in the ot.js form ([5, "abc", -2]) through TextOperationJsonConverter.

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

    /// <summary>A comment of a pad was added or resolved: every comment, offsets at the event's revision.</summary>
    Task CommentsChanged(CommentsChangedEvent message);
}
