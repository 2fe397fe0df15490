namespace PadHub.Components.Markdown;

/// <summary>How pad Markdown is rendered, bound from <c>PadHub:Markdown</c>.</summary>
public sealed record PadMarkdownOptions
{
    public const string SectionName = "PadHub:Markdown";

    /// <summary>
    /// Show images inline. Off by default: an image loads from wherever its address points on every viewer's screen
    /// (a tracking pixel on the moderator's dashboard), so without this each image is shown as a link to its address.
    /// </summary>
    public bool AllowRemoteImages { get; init; }
}
