using System.Text;
using System.Text.RegularExpressions;

namespace PadHub.Server.Questions;

/// <summary>
/// Where and how a forwarded question goes into a group's pad: one Markdown bullet (<c>- text</c>) at the end of the
/// section under the pad's first "Questions" heading (ATX, any level, case-insensitive, outside code fences), or under a
/// new <c>## Questions</c> at the end of the pad when it has none.
/// </summary>
/// <remarks>
/// Question text is hostile: the bullet must stay one list item of plain text whatever it holds, so line breaks and
/// other whitespace runs collapse to one space, and every character Markdown (or the pad's <c>==mark==</c>) could read
/// as syntax is backslash-escaped: rendered, the item shows exactly the question.
/// </remarks>
internal static partial class QuestionBullet
{
    // Inline syntax anywhere (CommonMark, and the pad's extensions: ==mark==, ~~, ^, ++, ""citations"", tables, tasks).
    private const string EscapedCharacters = "\\`*_[]<>|~=&^+\"!{}";

    // Block syntax at the start of the item's content: headings, quotes, nested lists, definition lists.
    private const string EscapedFirstCharacters = "#>-:";

    /// <summary>The offset (UTF-16) at which to insert, and the text to insert there.</summary>
    public static (int Position, string Insert) Plan(string padText, string question)
    {
        ArgumentNullException.ThrowIfNull(padText);
        var bullet = "- " + Escape(question);
        if (FindSection(padText) is var (headingEnd, end))
        {
            // After the section's last line with content, so the bullet continues a list already there; a blank line
            // after the heading when the section is empty.
            return (end, (end == headingEnd ? "\n\n" : "\n") + bullet);
        }

        var prefix = padText.Length == 0 ? "" : padText.EndsWith('\n') ? "\n" : "\n\n";
        return (padText.Length, prefix + "## Questions\n\n" + bullet + "\n");
    }

    /// <summary>The question as the text of one Markdown list item: one line, every syntax character escaped.</summary>
    public static string Escape(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var builder = new StringBuilder(question.Length + 16);
        var space = false;
        foreach (var c in question)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            if (EscapedCharacters.Contains(c, StringComparison.Ordinal) || (builder.Length == 0 && EscapedFirstCharacters.Contains(c, StringComparison.Ordinal)))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        // "1. x", "a) x", "iv. x" would open a nested ordered list (list extras read letters and roman numerals).
        if (OrderedMarker().Match(builder.ToString()) is { Success: true } marker)
        {
            builder.Insert(marker.Groups[1].Index, '\\');
        }

        return builder.ToString();
    }

    /// <summary>The end of the Questions heading's line and of the last non-blank line of its section, or null when the pad has no such heading.</summary>
    private static (int HeadingEnd, int ContentEnd)? FindSection(string text)
    {
        int? level = null;
        var headingEnd = 0;
        var contentEnd = 0;
        string? fence = null;
        for (var start = 0; start <= text.Length;)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(start, end - start);

            if (FenceOf(line) is { } marker && (fence is null || line.TrimStart().StartsWith(fence, StringComparison.Ordinal)))
            {
                fence = fence is null ? marker : null;
            }
            else if (fence is null && Heading().Match(line.ToString()) is { Success: true } heading)
            {
                var headingLevel = heading.Groups[1].Length;
                if (level is { } open && headingLevel <= open)
                {
                    return (headingEnd, contentEnd);
                }

                if (level is null && string.Equals(heading.Groups[2].Value.Trim(), "Questions", StringComparison.OrdinalIgnoreCase))
                {
                    level = headingLevel;
                    headingEnd = end;
                    contentEnd = end;
                }
            }

            if (level is not null && !line.IsWhiteSpace())
            {
                contentEnd = end;
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return level is null ? null : (headingEnd, contentEnd);
    }

    private static string? FenceOf(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3)
        {
            return null;
        }

        return trimmed.StartsWith("```", StringComparison.Ordinal) ? "```"
            : trimmed.StartsWith("~~~", StringComparison.Ordinal) ? "~~~"
            : null;
    }

    [GeneratedRegex(@"^[0-9A-Za-z]{1,9}([.)])(?: |$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OrderedMarker();

    // An ATX heading: up to 3 spaces, 1-6 '#', then a space (or the end), its text, an optional closing run of '#'.
    [GeneratedRegex(@"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Heading();
}
