using PadHub.Components.Contracts.Feed;
using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions;

/// <summary>The session creation form's editable state, and its checks (the same limits the server enforces).</summary>
public sealed class SessionFormModel
{
    /// <summary>An English form, as the API's defaults.</summary>
    public SessionFormModel()
        : this(SessionDefaults.Language, null)
    {
    }

    /// <summary>A form whose session language is <paramref name="language"/>: default groups named by <paramref name="text"/>, the schedule in that language.</summary>
    public SessionFormModel(string language, IStringLocalizer<SessionFormModel>? text)
    {
        Language = language;
        Groups = [.. Enumerable.Range(1, 3).Select(n => new GroupInput { Name = text?["DefaultGroupName", n] ?? $"Group {n}" })];
        Phases = [.. SessionDefaults.PhasesIn(language).Select(p => new PhaseInput { Name = p.Name, Minutes = (int)p.Duration.TotalMinutes })];
    }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public bool AudienceCanEdit { get; set; }

    /// <summary>The SPDX id of the outputs' licence (one of <see cref="SessionLicences.All"/>).</summary>
    public string Licence { get; set; } = SessionLicences.Default;

    /// <summary>Credit contributors by display name in the exports (otherwise "Contributor 1"...).</summary>
    public bool CreditContributors { get; set; }

    /// <summary>The optional social feed's hashtag, as typed (see <see cref="SessionFeedRules"/>).</summary>
    public string? FeedHashtag { get; set; }

    /// <summary>The audience may comment on the pads' passages (on by default).</summary>
    public bool AudienceCanComment { get; set; } = true;

    /// <summary>The optional social feed's Mastodon instance, as typed.</summary>
    public string? FeedInstance { get; set; }

    /// <summary>The session's language (<c>en</c>, <c>fr</c>): its pads' starting text and its exports.</summary>
    public string Language { get; set; }

    public List<GroupInput> Groups { get; }

    public List<PhaseInput> Phases { get; }

    /// <summary>A group as typed: animators as one comma-separated string.</summary>
    public sealed class GroupInput
    {
        public string Name { get; set; } = "";

        public string Topic { get; set; } = "";

        public string Animators { get; set; } = "";

        public IReadOnlyList<string> AnimatorNames =>
            [.. Animators.Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>A phase as typed, in whole minutes.</summary>
    public sealed class PhaseInput
    {
        public string Name { get; set; } = "";

        public int Minutes { get; set; }
    }

    /// <summary>The request the form sends.</summary>
    public CreateSessionRequest ToRequest() => new(
        Title.Trim(),
        string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        [.. Groups.Select(g => new GroupDefinition(g.Name.Trim(), g.Topic.Trim(), g.AnimatorNames))],
        [.. Phases.Select(p => new SessionPhase(p.Name.Trim(), TimeSpan.FromMinutes(p.Minutes)))],
        AudienceCanEdit,
        Licence: Licence,
        CreditContributors: CreditContributors,
        Feed: FeedOrNull(),
        Language: Language,
        AudienceCanComment: AudienceCanComment);

    /// <summary>
    /// Field path (as the server names them: <c>title</c>, <c>groups[1].topic</c>...) to messages; empty when the form
    /// can be sent.
    /// </summary>
    /// <param name="text">The messages, in the page's language.</param>
    public Dictionary<string, string[]> Validate(IStringLocalizer<SessionFormModel> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        Required("title", Title, SessionLimits.MaxTitleLength, text, "Title", Add);
        if (Description.Trim().Length > SessionLimits.MaxDescriptionLength)
        {
            Add("description", text["DescriptionTooLong", SessionLimits.MaxDescriptionLength]);
        }

        if (Groups.Count is 0 or > SessionLimits.MaxGroups)
        {
            Add("groups", text["GroupCount", SessionLimits.MaxGroups]);
        }

        for (var i = 0; i < Groups.Count; i++)
        {
            var group = Groups[i];
            Required(Invariant($"groups[{i}].name"), group.Name, SessionLimits.MaxGroupNameLength, text, "GroupName", Add);
            Required(Invariant($"groups[{i}].topic"), group.Topic, SessionLimits.MaxTopicLength, text, "Topic", Add);
            var animators = group.AnimatorNames;
            if (animators.Count > SessionLimits.MaxAnimators)
            {
                Add(Invariant($"groups[{i}].animators"), text["TooManyAnimators", SessionLimits.MaxAnimators]);
            }

            if (animators.Any(a => a.Length > SessionLimits.MaxAnimatorNameLength))
            {
                Add(Invariant($"groups[{i}].animators"), text["AnimatorTooLong", SessionLimits.MaxAnimatorNameLength]);
            }
        }

        if (Phases.Count is 0 or > SessionLimits.MaxPhases)
        {
            Add("phases", text["PhaseCount", SessionLimits.MaxPhases]);
        }

        var maxMinutes = (int)SessionLimits.MaxPhaseDuration.TotalMinutes;
        for (var i = 0; i < Phases.Count; i++)
        {
            Required(Invariant($"phases[{i}].name"), Phases[i].Name, SessionLimits.MaxPhaseNameLength, text, "PhaseName", Add);
            if (Phases[i].Minutes < 1 || Phases[i].Minutes > maxMinutes)
            {
                Add(Invariant($"phases[{i}].duration"), text["PhaseMinutes", maxMinutes]);
            }
        }

        try
        {
            _ = SessionFeedRules.Normalize(FeedHashtag, FeedInstance);
        }
        catch (ArgumentException ex)
        {
            // The rules' own message is English (the API's); the form says it in the page's language.
            Add("feed." + ex.ParamName, ex.ParamName == "instance" ? text["FeedInstanceInvalid"] : text["FeedHashtagInvalid", SessionFeedRules.MaxHashtagLength]);
        }

        return errors;
    }

    // Validate says what is wrong; a request is only sent once it says nothing.
    private SessionFeedSettings? FeedOrNull()
    {
        try
        {
            return SessionFeedRules.Normalize(FeedHashtag, FeedInstance);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // what: the key prefix of the field's two messages (TitleRequired, TitleTooLong).
    private static void Required(string field, string value, int max, IStringLocalizer text, string what, Action<string, string> add)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            add(field, text[what + "Required"]);
        }
        else if (trimmed.Length > max)
        {
            add(field, text[what + "TooLong", trimmed.Length, max]);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
