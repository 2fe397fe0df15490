using System.Text;

namespace PadHub.Server.Results;

/// <summary>
/// Free text (titles, group names, rapporteurs) written into an exported Markdown file as literal text: every character
/// Markdown or HTML could read as markup is backslash-escaped and line breaks become spaces, so a group named
/// <c>&lt;script&gt;</c> or <c># x</c> stays text in any Markdown viewer.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_{}[]()<>#+-.!|=~&\"':$^%@";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                escaped.Append(' ');
            }
            else if (char.IsControl(c))
            {
                continue;
            }
            else
            {
                if (Special.Contains(c, StringComparison.Ordinal))
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
