namespace PadHub.Server.Persistence;

/// <summary>Everything stored about a session's questions.</summary>
/// <param name="Questions">In id (time) order.</param>
public sealed record StoredQuestions(bool Closed, IReadOnlyList<StoredQuestion> Questions, IReadOnlyList<StoredQuestionVote> Votes);
