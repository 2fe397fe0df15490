namespace PadHub.Server.Persistence;

/// <summary>A stored question and its moderation state (its votes are <see cref="StoredQuestionVote"/>s).</summary>
/// <param name="AskerKey">A one-way hash of the asking browser's participant id; null for questions added by the moderator.</param>
public sealed record StoredQuestion(
    string QuestionId,
    string SessionId,
    string? GroupId,
    string Text,
    string? Name,
    string? Source,
    string? AskerKey,
    DateTimeOffset AskedAt,
    bool Pinned,
    bool Answered,
    bool Hidden,
    string? ForwardedToGroupId,
    bool Edited);
