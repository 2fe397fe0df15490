using System.Globalization;
using PadHub.Components.Results;

namespace PadHub.Server.Results;

/// <summary>The open-data package's tables: <c>groups.csv</c>, <c>conclusions.csv</c>, <c>contributions.csv</c>, <c>questions.csv</c>.</summary>
internal static class ResultsTables
{
    // Every text cell may carry the formula guard: said in each text field's description, where a data user looks.
    private const string Guarded = " A value starting with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe so that spreadsheets read it as text.";

    private static readonly TableField Group = new("group", "integer", "The group's number (1-based), as in the pads' file names (group-N.md).");

    public static ResultsTable Groups { get; } = new(
        "groups",
        ResultsFiles.GroupsCsv,
        "Groups",
        "The session's breakout groups, each with its pad.",
        [
            Group,
            new("name", "string", "The group's name." + Guarded),
            new("topic", "string", "What the group worked on." + Guarded, Required: false),
            new("animators", "string", "The group's animators, separated by \"; \"." + Guarded, Required: false),
            new("rapporteur", "string", "Who presented the group's conclusions." + Guarded, Required: false),
            new("revision", "integer", "The pad's revision these results are taken at."),
            new("conclusions", "integer", "How many conclusions the pad marks."),
            new("pad", "string", "The pad's Markdown file in this package."),
        ],
        ["group"],
        s => s.Groups.Select(g => new object?[]
        {
            g.Number, g.Name, g.Topic, string.Join("; ", g.Animators), g.Rapporteur, g.Pad.Revision, g.Pad.Conclusions.Count,
            ResultsFiles.Pad(g.Number, "md"),
        }));

    public static ResultsTable Conclusions { get; } = new(
        "conclusions",
        ResultsFiles.ConclusionsCsv,
        "Conclusions",
        "Every group's conclusions: the passages marked ==like this== in its pad, in pad order.",
        [
            Group,
            new("order", "integer", "The conclusion's position in its pad (1-based)."),
            new("text", "string", "The conclusion as plain text." + Guarded),
            new("revision", "integer", "The pad's revision the conclusion was read at."),
        ],
        ["group", "order"],
        s => s.Groups.SelectMany(g => g.Pad.Conclusions.Select(c => new object?[] { g.Number, c.Order, c.Text, g.Pad.Revision })));

    public static ResultsTable Contributions { get; } = new(
        "contributions",
        ResultsFiles.ContributionsCsv,
        "Contributions",
        "What each contributor wrote in each group's pad, counted from the pad's history (the pad's template text is nobody's).",
        [
            Group,
            new("contributor", "string", "\"Contributor N\" (N the same in every group), or the contributor's display name when the session credits contributors." + Guarded),
            new("characters", "integer", "Characters the contributor typed or pasted into the pad, deleted ones included."),
            new("edits", "integer", "Edits (revisions) the contributor committed."),
            new("characters_in_result", "integer", "Characters of the pad's result text written by the contributor."),
        ],
        ["group", "contributor"],
        s => s.Groups.SelectMany(g => g.Pad.Contributions.Select(c => new object?[]
        {
            g.Number, c.Contributor, c.Characters, c.Edits, c.CharactersInResult,
        })));

    public static ResultsTable Questions { get; } = new(
        "questions",
        ResultsFiles.QuestionsCsv,
        "Questions",
        "The audience's questions (asked on the audience page or added by the moderator from elsewhere), most votes first; hidden ones are left out.",
        [
            new("question", "string", "The question's id."),
            new("group", "integer", "The group the question was addressed to; empty for the speakers (plenary).", Required: false),
            new("text", "string", "The question as asked (or as the moderator corrected it)." + Guarded),
            new("name", "string", "The name the person asking gave, if any." + Guarded, Required: false),
            new("source", "string", "Where a question added by the moderator came from (e.g. a social-media account)." + Guarded, Required: false),
            new("votes", "integer", "How many participants voted for it."),
            new("asked_at", "datetime", "When it was asked (UTC)."),
            new("pinned", "boolean", "Pinned by the moderator."),
            new("answered", "boolean", "Marked answered by the moderator."),
            new("forwarded_to_group", "integer", "The group whose pad it was forwarded to, if any.", Required: false),
        ],
        ["question"],
        s => (s.Questions ?? []).Select(q => new object?[]
        {
            q.QuestionId, q.Group, q.Text, q.Name, q.Source, q.Votes,
            q.AskedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            q.Pinned ? "true" : "false", q.Answered ? "true" : "false", q.ForwardedToGroup,
        }));

    public static IReadOnlyList<ResultsTable> All { get; } = [Groups, Conclusions, Contributions, Questions];
}
