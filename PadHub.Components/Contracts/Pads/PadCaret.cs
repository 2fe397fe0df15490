namespace PadHub.Components.Contracts.Pads;

/// <summary>A participant's caret or selection, at a revision.</summary>
/// <param name="ParticipantId">The participant's public connection id (<see cref="PadParticipant.ParticipantId"/>).</param>
public sealed record PadCaret(string PadId, string ParticipantId, string AuthorId, int Revision, int Anchor, int Head);
