namespace PadHub.Components.Contracts.Feed;

/// <summary>
/// A session's social feed: public Mastodon posts tagged <see cref="Hashtag"/> on <see cref="Instance"/>, shown in the
/// moderator's questions panel. Normalised by <see cref="SessionFeedRules.Normalize"/>.
/// </summary>
/// <param name="Hashtag">Letters, digits and underscores, without the leading <c>#</c>.</param>
/// <param name="Instance">The instance's host name (lower case, no scheme, no port): reached over https only.</param>
public sealed record SessionFeedSettings(string Hashtag, string Instance);
