namespace PadHub.Components.Contracts.Questions;

/// <summary>One question as the views show it.</summary>
/// <param name="QuestionId">Stable, opaque, time-ordered.</param>
/// <param name="Text">The question (plain text, never Markdown; hostile input: render as text).</param>
/// <param name="Name">Who asked, when given; null otherwise.</param>
/// <param name="Source">Where a question added by the moderator came from (e.g. "Twitter, @someone"); null when asked on a page.</param>
/// <param name="GroupId">The group it is addressed to, or null for the speakers (the plenary).</param>
/// <param name="Votes">How many participants vote for it.</param>
/// <param name="AskedAt">When it was asked or added (server UTC).</param>
/// <param name="Pinned">The moderator pinned it (at most one per session).</param>
/// <param name="Answered">The moderator marked it answered.</param>
/// <param name="Hidden">The moderator hid it (only the moderator's board holds hidden questions).</param>
/// <param name="ForwardedToGroupId">The group whose pad it was forwarded to last, or null.</param>
/// <param name="Edited">The moderator changed its text.</param>
public sealed record Question(
    string QuestionId,
    string Text,
    string? Name,
    string? Source,
    string? GroupId,
    int Votes,
    DateTimeOffset AskedAt,
    bool Pinned,
    bool Answered,
    bool Hidden,
    string? ForwardedToGroupId,
    bool Edited);
