namespace PadHub.Server.Persistence;

/// <summary>One participant's vote (by the one-way key of its participant id) for one question.</summary>
public sealed record StoredQuestionVote(string QuestionId, string ParticipantKey);
