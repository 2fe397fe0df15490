namespace PadHub.Components.Contracts.Sessions;

/// <summary>A message from the moderator to all groups (<see cref="GroupId"/> null) or one.</summary>
public sealed record Announcement(string AnnouncementId, string? GroupId, string Text, DateTimeOffset SentAt);
