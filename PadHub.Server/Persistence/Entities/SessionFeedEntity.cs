namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>SessionFeeds</c>: a session's social feed (a Mastodon hashtag on one instance); no row, no feed.</summary>
public sealed class SessionFeedEntity
{
    public required string SessionId { get; init; }

    /// <summary>Letters, digits and underscores, without <c>#</c>.</summary>
    public required string Hashtag { get; set; }

    /// <summary>The instance's host name, reached over https.</summary>
    public required string Instance { get; set; }
}
