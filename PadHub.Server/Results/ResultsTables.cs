using System.Globalization;
using PadHub.Components.Results;

namespace PadHub.Server.Results;

/// <summary>
/// The open-data package's tables: <c>groups.csv</c>, <c>conclusions.csv</c>, <c>contributions.csv</c>, <c>questions.csv</c>.
/// Titles and descriptions are <see cref="ExportText"/> keys, written in the session's language; names stay English.
/// </summary>
internal static class ResultsTables
{
    private static readonly TableField Group = new("group", "integer", "FieldGroup");

    public static ResultsTable Groups { get; } = new(
        "groups",
        ResultsFiles.GroupsCsv,
        "TableGroupsTitle",
        "TableGroupsDescription",
        [
            Group,
            new("name", "string", "FieldGroupsName", Guarded: true),
            new("topic", "string", "FieldGroupsTopic", Required: false, Guarded: true),
            new("animators", "string", "FieldGroupsAnimators", Required: false, Guarded: true),
            new("rapporteur", "string", "FieldGroupsRapporteur", Required: false, Guarded: true),
            new("revision", "integer", "FieldGroupsRevision"),
            new("conclusions", "integer", "FieldGroupsConclusions"),
            new("pad", "string", "FieldGroupsPad"),
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
        "TableConclusionsTitle",
        "TableConclusionsDescription",
        [
            Group,
            new("order", "integer", "FieldConclusionsOrder"),
            new("text", "string", "FieldConclusionsText", Guarded: true),
            new("revision", "integer", "FieldConclusionsRevision"),
        ],
        ["group", "order"],
        s => s.Groups.SelectMany(g => g.Pad.Conclusions.Select(c => new object?[] { g.Number, c.Order, c.Text, g.Pad.Revision })));

    public static ResultsTable Contributions { get; } = new(
        "contributions",
        ResultsFiles.ContributionsCsv,
        "TableContributionsTitle",
        "TableContributionsDescription",
        [
            Group,
            new("contributor", "string", "FieldContributionsContributor", Guarded: true),
            new("characters", "integer", "FieldContributionsCharacters"),
            new("edits", "integer", "FieldContributionsEdits"),
            new("characters_in_result", "integer", "FieldContributionsCharactersInResult"),
        ],
        ["group", "contributor"],
        s => s.Groups.SelectMany(g => g.Pad.Contributions.Select(c => new object?[]
        {
            g.Number, c.Contributor, c.Characters, c.Edits, c.CharactersInResult,
        })));

    public static ResultsTable Questions { get; } = new(
        "questions",
        ResultsFiles.QuestionsCsv,
        "TableQuestionsTitle",
        "TableQuestionsDescription",
        [
            new("question", "string", "FieldQuestionsQuestion"),
            new("group", "integer", "FieldQuestionsGroup", Required: false),
            new("text", "string", "FieldQuestionsText", Guarded: true),
            new("name", "string", "FieldQuestionsName", Required: false, Guarded: true),
            new("source", "string", "FieldQuestionsSource", Required: false, Guarded: true),
            new("votes", "integer", "FieldQuestionsVotes"),
            new("asked_at", "datetime", "FieldQuestionsAskedAt"),
            new("pinned", "boolean", "FieldQuestionsPinned"),
            new("answered", "boolean", "FieldQuestionsAnswered"),
            new("forwarded_to_group", "integer", "FieldQuestionsForwardedToGroup", Required: false),
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
