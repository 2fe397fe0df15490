namespace PadHub.Server.Hubs.Wire;

/// <summary>Someone connected to a pad.</summary>
public sealed record ParticipantDto(string ParticipantId, string AuthorId, string DisplayName, string Color, string Role);
