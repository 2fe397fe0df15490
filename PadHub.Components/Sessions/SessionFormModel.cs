using System.Globalization;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions;

/// <summary>The session creation form's editable state, and its checks (the same limits the server enforces).</summary>
public sealed class SessionFormModel
{
    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public bool AudienceCanEdit { get; set; }

    /// <summary>The SPDX id of the outputs' licence (one of <see cref="SessionLicences.All"/>).</summary>
    public string Licence { get; set; } = SessionLicences.Default;

    /// <summary>Credit contributors by display name in the exports (otherwise "Contributor 1"...).</summary>
    public bool CreditContributors { get; set; }

    /// <summary>The audience may comment on the pads' passages (on by default).</summary>
    public bool AudienceCanComment { get; set; } = true;

    public List<GroupInput> Groups { get; } = [.. Enumerable.Range(1, 3).Select(n => new GroupInput { Name = $"Group {n}" })];

    public List<PhaseInput> Phases { get; } = [.. SessionDefaults.Phases.Select(p => new PhaseInput { Name = p.Name, Minutes = (int)p.Duration.TotalMinutes })];

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
        AudienceCanComment: AudienceCanComment);

    /// <summary>
    /// Field path (as the server names them: <c>title</c>, <c>groups[1].topic</c>...) to messages; empty when the form
    /// can be sent.
    /// </summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        Required("title", Title, SessionLimits.MaxTitleLength, "The title", Add);
        if (Description.Trim().Length > SessionLimits.MaxDescriptionLength)
        {
            Add("description", Invariant($"The description is too long (at most {SessionLimits.MaxDescriptionLength} characters)."));
        }

        if (Groups.Count is 0 or > SessionLimits.MaxGroups)
        {
            Add("groups", Invariant($"A session has 1 to {SessionLimits.MaxGroups} groups."));
        }

        for (var i = 0; i < Groups.Count; i++)
        {
            var group = Groups[i];
            Required(Invariant($"groups[{i}].name"), group.Name, SessionLimits.MaxGroupNameLength, "The group's name", Add);
            Required(Invariant($"groups[{i}].topic"), group.Topic, SessionLimits.MaxTopicLength, "The topic", Add);
            var animators = group.AnimatorNames;
            if (animators.Count > SessionLimits.MaxAnimators)
            {
                Add(Invariant($"groups[{i}].animators"), Invariant($"At most {SessionLimits.MaxAnimators} animators per group."));
            }

            if (animators.Any(a => a.Length > SessionLimits.MaxAnimatorNameLength))
            {
                Add(Invariant($"groups[{i}].animators"), Invariant($"An animator's name has at most {SessionLimits.MaxAnimatorNameLength} characters."));
            }
        }

        if (Phases.Count is 0 or > SessionLimits.MaxPhases)
        {
            Add("phases", Invariant($"A session has 1 to {SessionLimits.MaxPhases} phases."));
        }

        var maxMinutes = (int)SessionLimits.MaxPhaseDuration.TotalMinutes;
        for (var i = 0; i < Phases.Count; i++)
        {
            Required(Invariant($"phases[{i}].name"), Phases[i].Name, SessionLimits.MaxPhaseNameLength, "The phase's name", Add);
            if (Phases[i].Minutes < 1 || Phases[i].Minutes > maxMinutes)
            {
                Add(Invariant($"phases[{i}].duration"), Invariant($"Between 1 and {maxMinutes} minutes."));
            }
        }

        return errors;
    }

    private static void Required(string field, string value, int max, string what, Action<string, string> add)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            add(field, $"{what} is required.");
        }
        else if (trimmed.Length > max)
        {
            add(field, Invariant($"{what} is too long ({trimmed.Length} characters; at most {max})."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
