using System.Globalization;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>
/// Checks a <see cref="CreateSessionRequest"/> against <see cref="SessionLimits"/> and collects one message per offending
/// field (camelCase paths such as <c>groups[2].topic</c>), so a form or an API client can show them all at once.
/// </summary>
internal static class SessionRequestValidator
{
    /// <summary>Shortest phase: a countdown under a minute is a typo, not a schedule.</summary>
    public static readonly TimeSpan MinPhaseDuration = TimeSpan.FromMinutes(1);

    /// <exception cref="SessionValidationException">One or more fields are not acceptable.</exception>
    public static ValidSession Validate(CreateSessionRequest? request, int maxPadLength)
    {
        var errors = new Errors();
        if (request is null)
        {
            errors.Add("", ValidationText.Get("SessionRequired"));
            throw errors.ToException();
        }

        var language = Language(errors, request.Language);
        var title = SingleLine(errors, "title", request.Title, SessionLimits.MaxTitleLength, required: true);
        var description = MultiLine(errors, "description", request.Description, SessionLimits.MaxDescriptionLength, trimEnd: true);

        var groups = new List<GroupDefinition>();
        if (request.Groups is null || request.Groups.Count == 0)
        {
            errors.Add("groups", ValidationText.Get("GroupsRequired"));
        }
        else if (request.Groups.Count > SessionLimits.MaxGroups)
        {
            errors.Add("groups", ValidationText.Get("TooManyGroups", SessionLimits.MaxGroups, request.Groups.Count));
        }
        else
        {
            for (var i = 0; i < request.Groups.Count; i++)
            {
                var path = $"groups[{i.ToString(CultureInfo.InvariantCulture)}]";
                var group = request.Groups[i];
                if (group is null)
                {
                    errors.Add(path, ValidationText.Get("GroupRequired"));
                    continue;
                }

                var name = SingleLine(errors, path + ".name", group.Name, SessionLimits.MaxGroupNameLength, required: true);
                var topic = SingleLine(errors, path + ".topic", group.Topic, SessionLimits.MaxTopicLength, required: true);
                var animators = new List<string>();
                if (group.Animators is { Count: > SessionLimits.MaxAnimators })
                {
                    errors.Add(path + ".animators", ValidationText.Get("TooManyAnimators", SessionLimits.MaxAnimators, group.Animators.Count));
                }
                else if (group.Animators is not null)
                {
                    for (var j = 0; j < group.Animators.Count; j++)
                    {
                        var animator = SingleLine(errors, $"{path}.animators[{j.ToString(CultureInfo.InvariantCulture)}]", group.Animators[j],
                            SessionLimits.MaxAnimatorNameLength, required: true);
                        animators.Add(animator);
                    }
                }

                groups.Add(new GroupDefinition(name, topic, animators));
            }
        }

        var phases = new List<SessionPhase>();
        if (request.Phases is null || request.Phases.Count == 0)
        {
            phases.AddRange(SessionDefaults.PhasesIn(language));
        }
        else if (request.Phases.Count > SessionLimits.MaxPhases)
        {
            errors.Add("phases", ValidationText.Get("TooManyPhases", SessionLimits.MaxPhases, request.Phases.Count));
        }
        else
        {
            for (var i = 0; i < request.Phases.Count; i++)
            {
                var path = $"phases[{i.ToString(CultureInfo.InvariantCulture)}]";
                var phase = request.Phases[i];
                if (phase is null)
                {
                    errors.Add(path, ValidationText.Get("PhaseRequired"));
                    continue;
                }

                var name = SingleLine(errors, path + ".name", phase.Name, SessionLimits.MaxPhaseNameLength, required: true);
                if (phase.Duration < MinPhaseDuration || phase.Duration > SessionLimits.MaxPhaseDuration)
                {
                    errors.Add(path + ".duration",
                        ValidationText.Get("PhaseDuration", (int)MinPhaseDuration.TotalMinutes, (int)SessionLimits.MaxPhaseDuration.TotalMinutes));
                }

                phases.Add(new SessionPhase(name, phase.Duration));
            }
        }

        // The template keeps its trailing blank lines: they are where the first notes go.
        var template = MultiLine(errors, "padTemplate", request.PadTemplate, SessionLimits.MaxTemplateLength, trimEnd: false) ?? SessionDefaults.PadTemplateIn(language);
        var padTexts = new List<string>();
        for (var i = 0; i < groups.Count; i++)
        {
            var text = ApplyTemplate(template, groups[i]);
            if (text.Length > maxPadLength)
            {
                errors.Add("padTemplate", ValidationText.Get("PadTooLong", i + 1, text.Length, maxPadLength));
                break;
            }

            padTexts.Add(text);
        }

        var licence = Licence(errors, request.Licence);
        if (errors.Count > 0)
        {
            throw errors.ToException();
        }

        return new ValidSession(title, description, groups, phases, request.AudienceCanEdit, padTexts, licence, request.CreditContributors, language,
            request.AudienceCanComment);
    }

    /// <summary>One of <see cref="SessionDefaults.Languages"/> (null or blank takes English); anything else names them.</summary>
    private static string Language(Errors errors, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SessionDefaults.Language;
        }

        if (SessionDefaults.Languages.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        var shown = value.Length > 40 ? value[..40] + "…" : value;
        errors.Add("language", ValidationText.Get("UnknownLanguage", shown, string.Join(", ", SessionDefaults.Languages)));
        return SessionDefaults.Language;
    }

    /// <summary>The SPDX id of an offered licence (null or blank takes the default); anything else names the allowed ids.</summary>
    private static string Licence(Errors errors, string? value)
    {
        var id = value?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return SessionLicences.Default;
        }

        if (SessionLicences.Find(id) is { } licence)
        {
            return licence.Id;
        }

        var shown = id.Length > 40 ? id[..40] + "…" : id;
        errors.Add("licence", ValidationText.Get("UnknownLicence", shown, string.Join(", ", SessionLicences.All.Select(l => l.Id))));
        return SessionLicences.Default;
    }

    /// <summary>The template with <c>{group}</c> and <c>{topic}</c> replaced (single pass: a name containing "{topic}" stays literal).</summary>
    public static string ApplyTemplate(string template, GroupDefinition group)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(group);
        var result = new System.Text.StringBuilder(template.Length + group.Name.Length + group.Topic.Length);
        var i = 0;
        while (i < template.Length)
        {
            if (template.AsSpan(i).StartsWith("{group}", StringComparison.Ordinal))
            {
                result.Append(group.Name);
                i += "{group}".Length;
            }
            else if (template.AsSpan(i).StartsWith("{topic}", StringComparison.Ordinal))
            {
                result.Append(group.Topic);
                i += "{topic}".Length;
            }
            else
            {
                result.Append(template[i]);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>A one-line field: trimmed, no control characters, well-formed Unicode.</summary>
    public static string SingleLine(Errors errors, string path, string? value, int maxLength, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(path, ValidationText.Get("Required"));
            }

            return text;
        }

        if (text.Length > maxLength)
        {
            errors.Add(path, ValidationText.Get("TooLong", maxLength, text.Length));
        }
        else if (text.Any(char.IsControl))
        {
            errors.Add(path, ValidationText.Get("SingleLine"));
        }
        else if (!IsWellFormed(text))
        {
            errors.Add(path, ValidationText.Get("Malformed"));
        }

        return text;
    }

    /// <summary>An optional multi-line field: CRLF/CR become LF, tabs and line breaks are the only control characters.</summary>
    private static string? MultiLine(Errors errors, string path, string? value, int maxLength, bool trimEnd)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = trimEnd ? text.TrimEnd() : text;
        if (text.Length > maxLength)
        {
            errors.Add(path, ValidationText.Get("TooLong", maxLength, text.Length));
        }
        else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors.Add(path, ValidationText.Get("MultiLine"));
        }
        else if (!IsWellFormed(text))
        {
            errors.Add(path, ValidationText.Get("Malformed"));
        }

        // An empty description is no description; an empty template is a deliberate empty pad.
        return text.Length == 0 && trimEnd ? null : text;
    }

    /// <summary>No lone surrogates (they cannot be stored or sent as UTF-8).</summary>
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Messages per field, in the order found.</summary>
    internal sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public int Count => _errors.Count;

        public void Add(string path, string message)
        {
            if (!_errors.TryGetValue(path, out var messages))
            {
                _errors[path] = messages = [];
            }

            messages.Add(message);
        }

        public SessionValidationException ToException() =>
            new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
