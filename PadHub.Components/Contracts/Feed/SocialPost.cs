namespace PadHub.Components.Contracts.Feed;

/// <summary>A public post from the session's feed, already reduced to plain text.</summary>
/// <param name="PostId">The instance's status id.</param>
/// <param name="Account">The author's <c>acct</c> as <c>@user@host</c>.</param>
/// <param name="DisplayName">The author's display name (plain text), or null.</param>
/// <param name="Text">The post's text, sanitised to plain text (never HTML), bounded.</param>
/// <param name="Url">The post's https address, or null.</param>
public sealed record SocialPost(string PostId, string Account, string? DisplayName, string Text, string? Url, DateTimeOffset CreatedAt);
