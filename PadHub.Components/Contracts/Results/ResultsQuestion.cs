namespace PadHub.Components.Contracts.Results;

/// <summary>One audience question as the exports hold it (hidden questions are never exported).</summary>
/// <param name="Group">The number of the group it was addressed to, or null for the speakers.</param>
/// <param name="Source">Where a question added by the moderator came from; null when asked on a page.</param>
/// <param name="ForwardedToGroup">The number of the group whose pad it was forwarded to, or null.</param>
public sealed record ResultsQuestion(
    string QuestionId,
    int? Group,
    string Text,
    string? Name,
    string? Source,
    int Votes,
    DateTimeOffset AskedAt,
    bool Pinned,
    bool Answered,
    int? ForwardedToGroup);
