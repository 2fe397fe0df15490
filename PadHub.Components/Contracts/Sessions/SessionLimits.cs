namespace PadHub.Components.Contracts.Sessions;

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
    public const int MaxRapporteurLength = 100;
    public const int MaxSpotlightConclusionLength = 2000;
    public static readonly TimeSpan MaxPhaseDuration = TimeSpan.FromHours(8);
    public static readonly TimeSpan MaxExtension = TimeSpan.FromHours(2);
}
