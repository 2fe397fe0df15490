using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace PadHub.Components.Contracts.Feed;

/// <summary>What a session's feed settings may be, checked the same way by the forms and the server.</summary>
public static partial class SessionFeedRules
{
    /// <summary>The longest hashtag accepted.</summary>
    public const int MaxHashtagLength = 100;

    /// <summary>The longest host name (DNS).</summary>
    public const int MaxInstanceLength = 253;

    /// <summary>
    /// The settings in their stored form, or null when both are blank. A <c>#</c> before the hashtag and an
    /// <c>https://</c> before the instance (with nothing after the host) are accepted and dropped.
    /// </summary>
    /// <exception cref="ArgumentException">The message says what is wrong (<see cref="ArgumentException.ParamName"/>: <c>hashtag</c> or <c>instance</c>).</exception>
    public static SessionFeedSettings? Normalize(string? hashtag, string? instance)
    {
        var tag = hashtag?.Trim().TrimStart('#') ?? "";
        var host = instance?.Trim() ?? "";
        if (tag.Length == 0 && host.Length == 0)
        {
            return null;
        }

        if (tag.Length == 0 || tag.Length > MaxHashtagLength || !HashtagPattern().IsMatch(tag))
        {
            throw new ArgumentException($"The hashtag must be 1 to {MaxHashtagLength} letters, digits or underscores.", nameof(hashtag));
        }

        return new SessionFeedSettings(tag, NormalizeInstance(host));
    }

    /// <summary>Checks settings that claim to be normalised (e.g. from the API) and returns them normalised.</summary>
    public static SessionFeedSettings? Normalize(SessionFeedSettings? settings) =>
        settings is null ? null : Normalize(settings.Hashtag, settings.Instance);

    private static string NormalizeInstance(string instance)
    {
        var host = instance;
        if (host.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            host = host["https://".Length..].TrimEnd('/');
        }
        else if (host.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException("The instance is reached over https only: give its host name, e.g. mastodon.social.", nameof(instance));
        }

        host = host.ToLowerInvariant();
        if (host.Length == 0 || host.Length > MaxInstanceLength || !HostPattern().IsMatch(host) || IPAddress.TryParse(host, out _)
            || host.EndsWith(".localhost", StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.Ordinal)
            || host.EndsWith(".internal", StringComparison.Ordinal)
            || host.Split('.')[^1].All(c => char.IsAsciiDigit(c)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The instance must be a public host name such as mastodon.social (no address, port or path)."), nameof(instance));
        }

        return host;
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagPattern();

    // Two or more DNS labels: letters, digits and inner hyphens, each 1-63 characters. No single-label names (localhost).
    [GeneratedRegex("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();
}
