using PadHub.Components.Pads;

namespace PadHub.Components.Sessions;

/// <summary>What a session link lets its holder do. Enforced on the server for every action.</summary>
public enum SessionRole
{
    /// <summary>Everything: the dashboard, facilitation, every pad, regenerating links.</summary>
    Moderator,

    /// <summary>Edits one group's pad (and follows it).</summary>
    NoteTaker,

    /// <summary>Follows every group; edits only when the session allows audience contributions.</summary>
    Audience,
}

/// <summary>A phase of the session's schedule.</summary>
public sealed record SessionPhase(string Name, TimeSpan Duration);

/// <summary>A breakout group to create.</summary>
/// <param name="Name">Shown on the dashboard and the audience page ("Group 1").</param>
/// <param name="Topic">The question the group works on.</param>
/// <param name="Animators">The group's moderators' names.</param>
public sealed record GroupDefinition(string Name, string Topic, IReadOnlyList<string> Animators);

/// <summary>Everything needed to create a session and all its pads at once (the home page form and <c>POST /api/sessions</c>).</summary>
/// <param name="Title">The session's title.</param>
/// <param name="Description">Optional longer description (Markdown).</param>
/// <param name="Groups">1 to <see cref="SessionLimits.MaxGroups"/> groups, each getting one pad.</param>
/// <param name="Phases">The schedule; null or empty takes <see cref="SessionDefaults.Phases"/>.</param>
/// <param name="AudienceCanEdit">Whether audience links may edit the pads or only follow them.</param>
/// <param name="PadTemplate">Markdown every pad starts with; null takes <see cref="SessionDefaults.PadTemplate"/>. <c>{topic}</c> and <c>{group}</c> are replaced.</param>
public sealed record CreateSessionRequest(
    string Title,
    string? Description,
    IReadOnlyList<GroupDefinition> Groups,
    IReadOnlyList<SessionPhase>? Phases = null,
    bool AudienceCanEdit = false,
    string? PadTemplate = null);

/// <summary>The limits a session must fit (the API answers 400 problem details beyond them).</summary>
public static class SessionLimits
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxGroups = 12;
    public const int MaxGroupNameLength = 100;
    public const int MaxTopicLength = 500;
    public const int MaxAnimators = 10;
    public const int MaxAnimatorNameLength = 64;
    public const int MaxPhases = 12;
    public const int MaxPhaseNameLength = 60;
    public const int MaxTemplateLength = 10_000;
    public const int MaxAnnouncementLength = 500;
    public static readonly TimeSpan MaxPhaseDuration = TimeSpan.FromHours(8);
    public static readonly TimeSpan MaxExtension = TimeSpan.FromHours(2);
}

/// <summary>Defaults for a new session.</summary>
public static class SessionDefaults
{
    /// <summary>Introduction 15 min, Breakout groups 45 min, Conclusions 20 min, Wrap-up 10 min.</summary>
    public static IReadOnlyList<SessionPhase> Phases { get; } =
    [
        new("Introduction", TimeSpan.FromMinutes(15)),
        new("Breakout groups", TimeSpan.FromMinutes(45)),
        new("Conclusions", TimeSpan.FromMinutes(20)),
        new("Wrap-up", TimeSpan.FromMinutes(10)),
    ];

    /// <summary>The heading of the section the dashboard and the conclusions page gather.</summary>
    public const string ConclusionsHeading = "Conclusions";

    /// <summary>Every pad's initial Markdown.</summary>
    public const string PadTemplate = "# {group}: {topic}\n\n## Participants\n\n\n## Key points\n\n\n## Questions\n\n\n## Conclusions\n\n";
}

/// <summary>A request refused as a whole (nothing was created or changed), with one message per offending field.</summary>
public sealed class SessionValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The session is not valid: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    /// <summary>Field path (camelCase, e.g. <c>groups[1].topic</c>) to messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>A group's links, as created or regenerated.</summary>
public sealed record GroupLinks(string GroupId, string Name, string PadId, string NoteTakerToken);

/// <summary>A created session and every one of its capability tokens (plain, returned only here and on regeneration).</summary>
public sealed record SessionCreated(string SessionId, string Title, string ModeratorToken, string AudienceToken, IReadOnlyList<GroupLinks> Groups);

/// <summary>A group as everyone sees it.</summary>
public sealed record SessionGroup(string GroupId, int Number, string Name, string Topic, IReadOnlyList<string> Animators, string PadId);

/// <summary>The phase timer: running toward <see cref="EndsAt"/>, or paused/not started with <see cref="Remaining"/> left.</summary>
/// <param name="PhaseIndex">Index into <see cref="SessionState.Phases"/>.</param>
/// <param name="Running">Counting down now.</param>
/// <param name="EndsAt">Server UTC time the phase ends when running; null otherwise.</param>
/// <param name="Remaining">Time left when not running (the full duration before the phase starts).</param>
public sealed record PhaseTimer(int PhaseIndex, bool Running, DateTimeOffset? EndsAt, TimeSpan Remaining)
{
    /// <summary>Time left at <paramref name="now"/> (server clock); negative once overrun.</summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => Running && EndsAt is { } end ? end - now : Remaining;
}

/// <summary>A message from the moderator to all groups (<see cref="GroupId"/> null) or one.</summary>
public sealed record Announcement(string AnnouncementId, string? GroupId, string Text, DateTimeOffset SentAt);

/// <summary>A session's live state, as every view renders it. Immutable: a change publishes a new one.</summary>
/// <param name="Version">Increases with every change.</param>
/// <param name="Locked">Every pad of the session is read-only for everyone.</param>
/// <param name="Announcements">Most recent last (the last few only).</param>
public sealed record SessionState(
    string SessionId,
    long Version,
    string Title,
    string? Description,
    IReadOnlyList<SessionPhase> Phases,
    PhaseTimer Timer,
    bool Locked,
    bool AudienceCanEdit,
    IReadOnlyList<SessionGroup> Groups,
    IReadOnlyList<Announcement> Announcements);

/// <summary>What a session token grants now.</summary>
/// <param name="GroupId">The note-taker's group; null for the moderator and the audience.</param>
public sealed record SessionAccess(string SessionId, SessionRole Role, string? GroupId);

/// <summary>Which link to regenerate.</summary>
public enum SessionLinkKind
{
    Moderator,
    Audience,
    NoteTaker,
}

/// <summary>Every link of a session, as the moderator's share page lists them (plain tokens).</summary>
public sealed record SessionLinks(string SessionId, string Title, string ModeratorToken, string AudienceToken, IReadOnlyList<GroupLinks> Groups);
