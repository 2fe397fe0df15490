using System.Globalization;
using System.Text;
using PadHub.Components.Contracts.Results;

namespace PadHub.Server.Results;

/// <summary>
/// <c>conclusions.md</c>: every group's conclusions with its rapporteur, each still marked <c>==like this==</c>. A
/// conclusion is written as its plain text, escaped like every free-text field (<see cref="MarkdownText"/>): pad text
/// is hostile, and this file is meant to be opened in any Markdown viewer, some of which render raw HTML.
/// </summary>
internal static class ConclusionsDocument
{
    public static string Write(ResultsSnapshot snapshot)
    {
        var md = new StringBuilder();
        md.Append("# Conclusions: ").Append(MarkdownText.Escape(snapshot.Title)).Append("\n\n");
        md.Append(MarkdownText.Escape(ResultsText.State(snapshot))).Append(' ');
        md.Append("Licence: [").Append(MarkdownText.Escape(snapshot.Licence.Title)).Append("](").Append(snapshot.Licence.Url.AbsoluteUri).Append(").\n");
        foreach (var group in snapshot.Groups)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## Group {group.Number}: ").Append(MarkdownText.Escape(group.Name)).Append("\n\n");
            if (group.Topic.Length > 0)
            {
                md.Append("Topic: ").Append(MarkdownText.Escape(group.Topic)).Append("  \n");
            }

            md.Append("Rapporteur: ").Append(group.Rapporteur is { Length: > 0 } r ? MarkdownText.Escape(r) : "not named").Append("\n\n");
            if (group.Pad.Conclusions.Count == 0)
            {
                md.Append("_No conclusions marked._\n");
                continue;
            }

            foreach (var conclusion in group.Pad.Conclusions)
            {
                md.Append(CultureInfo.InvariantCulture, $"{conclusion.Order}. ==").Append(MarkdownText.Escape(conclusion.Text)).Append("==\n");
            }
        }

        return md.ToString();
    }
}
