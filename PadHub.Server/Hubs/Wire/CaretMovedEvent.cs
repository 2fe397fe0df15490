namespace PadHub.Server.Hubs.Wire;

/// <summary>Sent when someone moves their caret or selection (offsets at <see cref="Revision"/>).</summary>
public sealed record CaretMovedEvent(string PadId, string ParticipantId, string AuthorId, int Revision, int Anchor, int Head);
