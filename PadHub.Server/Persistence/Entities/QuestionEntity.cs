namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>Questions</c>: one audience question of a session and its moderation state.</summary>
public sealed class QuestionEntity
{
    /// <summary>Guid version 7 in "N" format: time-ordered.</summary>
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    /// <summary>The group it is addressed to; null for the speakers.</summary>
    public string? GroupId { get; init; }

    /// <summary>Plain text (hostile input: rendered as text only).</summary>
    public required string Text { get; set; }

    public string? Name { get; init; }

    /// <summary>Where a question added by the moderator came from; null when asked on a page.</summary>
    public string? Source { get; init; }

    /// <summary>A one-way hash of the asking browser's participant id (never the id itself); null for added ones.</summary>
    public string? AskerKey { get; init; }

    public required DateTimeOffset AskedAt { get; init; }

    public bool Pinned { get; set; }

    public bool Answered { get; set; }

    public bool Hidden { get; set; }

    public string? ForwardedToGroupId { get; set; }

    public bool Edited { get; set; }
}
