namespace PadHub.Components.Sessions;

/// <summary>Finds sections of a pad's Markdown by heading (the dashboard shows each group's Conclusions).</summary>
public static class PadSections
{
    /// <summary>
    /// The text under the first ATX heading named <paramref name="heading"/> (any level, case-insensitive), up to the
    /// next heading of the same or a higher level; trimmed. Null when the pad has no such heading. Headings inside fenced
    /// code blocks do not count.
    /// </summary>
    public static string? Extract(string text, string heading)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(heading);
        var lines = text.Split('\n');
        var level = 0;
        var start = -1;
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart(' ');
            if (line.Length - trimmed.Length <= 3 && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                var marker = trimmed[..3];
                fence = fence is null ? marker : fence == marker ? null : fence;
                continue;
            }

            if (fence is not null || !TryParseHeading(line, out var headingLevel, out var title))
            {
                continue;
            }

            if (start < 0)
            {
                if (string.Equals(title, heading, StringComparison.OrdinalIgnoreCase))
                {
                    level = headingLevel;
                    start = i + 1;
                }
            }
            else if (headingLevel <= level)
            {
                return string.Join('\n', lines[start..i]).Trim();
            }
        }

        return start < 0 ? null : string.Join('\n', lines[start..]).Trim();
    }

    private static bool TryParseHeading(string line, out int level, out string title)
    {
        level = 0;
        title = "";
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3)
        {
            return false;
        }

        while (level < trimmed.Length && trimmed[level] == '#')
        {
            level++;
        }

        if (level is 0 or > 6 || (level < trimmed.Length && trimmed[level] is not (' ' or '\t')))
        {
            return false;
        }

        title = trimmed[level..].Trim().TrimEnd('#').Trim();
        return true;
    }
}
