namespace PadHub.Benchmarks.Live;

internal sealed record JoinResult(string PadId, int Revision, string Text, string Role, string AuthorId, string Color, string ParticipantId, string ClientTag);
