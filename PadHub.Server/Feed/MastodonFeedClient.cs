using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Questions;

namespace PadHub.Server.Feed;

/// <summary>
/// Reads a Mastodon tag timeline, <c>GET https://{instance}/api/v1/timelines/tag/{hashtag}?limit=20&amp;since_id=...</c>
/// (public, no key), through the named client <see cref="HttpClientName"/>: a bounded body, every post reduced to
/// plain text (<see cref="PostText"/>), links kept only when https.
/// </summary>
internal sealed class MastodonFeedClient(IHttpClientFactory clients, IOptions<SocialFeedOptions> options, TimeProvider time)
{
    public const string HttpClientName = "PadHub.SocialFeed";

    /// <summary>Posts asked for per poll.</summary>
    public const int PageSize = 20;

    /// <summary>The largest body read (20 statuses are far smaller); a larger one fails the poll.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private const int MaxAccountLength = 100;
    private const int MaxDisplayNameLength = 100;
    private const int MaxUrlLength = 500;

    public async Task<FeedFetch> FetchAsync(SessionFeedSettings feed, string? sinceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var baseAddress = options.Value.BaseAddressOverride ?? new Uri("https://" + feed.Instance + "/");
        var query = string.Create(CultureInfo.InvariantCulture, $"api/v1/timelines/tag/{Uri.EscapeDataString(feed.Hashtag)}?limit={PageSize}")
            + (sinceId is null ? "" : "&since_id=" + Uri.EscapeDataString(sinceId));
        var client = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.GetAsync(new Uri(baseAddress, query), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var outcome = FeedPollSchedule.WithHeaders(new FeedPollOutcome(Succeeded: false, 0), response.Headers, time.GetUtcNow());
            if (!response.IsSuccessStatusCode)
            {
                return new FeedFetch([], outcome, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"));
            }

            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return new FeedFetch([], outcome, "response too large");
            }

            var posts = Parse(body, feed.Instance);
            return new FeedFetch(posts, outcome with { Succeeded = true });
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or IOException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new FeedFetch([], new FeedPollOutcome(Succeeded: false, 0), ex is TaskCanceledException ? "timed out" : ex.GetType().Name);
        }
    }

    /// <summary>The statuses of a tag timeline's JSON, newest first as Mastodon sends them; anything malformed is skipped.</summary>
    internal static List<SocialPost> Parse(byte[] json, string instance)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A tag timeline is an array.");
        }

        var posts = new List<SocialPost>();
        foreach (var status in document.RootElement.EnumerateArray().Take(PageSize * 2))
        {
            if (status.ValueKind != JsonValueKind.Object
                || String(status, "id") is not { Length: > 0 and <= 64 } id
                || !status.TryGetProperty("account", out var account) || account.ValueKind != JsonValueKind.Object
                || String(account, "acct") is not { Length: > 0 } acct)
            {
                continue;
            }

            var text = PostText.FromHtml(String(status, "content"), QuestionLimits.MaxTextLength);
            if (text.Length == 0)
            {
                continue;
            }

            var handle = PostText.Clean(acct.Contains('@', StringComparison.Ordinal) ? "@" + acct : $"@{acct}@{instance}", MaxAccountLength);
            var name = PostText.Clean(String(account, "display_name"), MaxDisplayNameLength);
            var created = DateTimeOffset.TryParse(String(status, "created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at : DateTimeOffset.UnixEpoch;
            posts.Add(new SocialPost(id, handle, name.Length == 0 ? null : name, text, HttpsUrl(String(status, "url")), created));
        }

        return posts;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? HttpsUrl(string? url) =>
        url is { Length: <= MaxUrlLength } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri.AbsoluteUri : null;

    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
