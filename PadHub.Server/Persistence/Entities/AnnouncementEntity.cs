namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>Announcements</c>: a moderator's message to every group (<see cref="GroupId"/> null) or one.</summary>
public sealed class AnnouncementEntity
{
    /// <summary>Guid version 7 in "N" format: time-ordered, so the latest announcements are the last keys.</summary>
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    public string? GroupId { get; init; }

    /// <summary>Plain text (trimmed, control characters removed); rendered as text, never as HTML.</summary>
    public required string Text { get; init; }

    public required DateTimeOffset SentAt { get; init; }
}
