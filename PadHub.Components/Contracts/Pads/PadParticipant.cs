namespace PadHub.Components.Contracts.Pads;

/// <summary>Someone connected to the pad now.</summary>
/// <param name="ParticipantId">A public id of this one connection (random per join); carets name it.</param>
public sealed record PadParticipant(string ParticipantId, string AuthorId, string DisplayName, string Color, PadRole Role);
