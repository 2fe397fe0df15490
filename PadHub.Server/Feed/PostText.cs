using System.Net;
using System.Text;

namespace PadHub.Server.Feed;

/// <summary>
/// A Mastodon status's <c>content</c> (HTML from a stranger) reduced to plain text: tags dropped, paragraphs and line
/// breaks kept as line breaks, entities decoded, control characters removed, whitespace collapsed, bounded. The result
/// is only ever rendered as text, never as markup.
/// </summary>
internal static class PostText
{
    public static string FromHtml(string? html, int maxLength)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(html.Length, maxLength * 2));
        var i = 0;
        while (i < html.Length && text.Length < maxLength * 4)
        {
            var c = html[i];
            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }

            var end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                break;
            }

            var tag = html.AsSpan(i + 1, end - i - 1).TrimStart('/').TrimStart();
            if (tag.StartsWith("br", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("p", StringComparison.OrdinalIgnoreCase))
            {
                text.Append('\n');
            }

            i = end + 1;
        }

        return Clean(WebUtility.HtmlDecode(text.ToString()), maxLength);
    }

    /// <summary>Plain text from a stranger: no control characters but line breaks, runs of blanks collapsed, trimmed, bounded.</summary>
    public static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        var lastBreak = true;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (!lastBreak)
                {
                    clean.Append('\n');
                }

                lastBreak = true;
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069')
            {
                pendingSpace = !lastBreak;
            }
            else
            {
                if (pendingSpace)
                {
                    clean.Append(' ');
                }

                clean.Append(c);
                lastBreak = false;
                pendingSpace = false;
            }

            if (clean.Length >= maxLength)
            {
                break;
            }
        }

        var result = clean.ToString().Trim();
        return result.Length > maxLength ? result[..maxLength] : result;
    }
}
