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
        var text = new ExportText(snapshot.Language);
        var md = new StringBuilder();
        md.Append("# ").Append(text["ConclusionsTitle", MarkdownText.Escape(snapshot.Title)]).Append("\n\n");
        md.Append(MarkdownText.Escape(ResultsText.State(snapshot))).Append(' ');
        md.Append(text["Licence"]).Append(" [").Append(MarkdownText.Escape(snapshot.Licence.Title)).Append("](").Append(snapshot.Licence.Url.AbsoluteUri).Append(").\n");
        foreach (var group in snapshot.Groups)
        {
            md.Append("\n## ").Append(text["GroupHeading", group.Number, MarkdownText.Escape(group.Name)]).Append("\n\n");
            if (group.Topic.Length > 0)
            {
                md.Append(text["Topic"]).Append(' ').Append(MarkdownText.Escape(group.Topic)).Append("  \n");
            }

            md.Append(text["Rapporteur"]).Append(' ').Append(group.Rapporteur is { Length: > 0 } r ? MarkdownText.Escape(r) : text["NotNamed"]).Append("\n\n");
            if (group.Pad.Conclusions.Count == 0)
            {
                md.Append('_').Append(text["NoConclusions"]).Append("_\n");
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
