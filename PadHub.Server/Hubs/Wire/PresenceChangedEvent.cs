namespace PadHub.Server.Hubs.Wire;

/// <summary>Sent when the set of people in a pad changes.</summary>
public sealed record PresenceChangedEvent(string PadId, IReadOnlyList<ParticipantDto> Participants);
