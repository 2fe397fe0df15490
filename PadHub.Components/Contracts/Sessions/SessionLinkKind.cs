namespace PadHub.Components.Contracts.Sessions;

/// <summary>Which link to regenerate.</summary>
public enum SessionLinkKind
{
    Moderator,
    Audience,
    NoteTaker,
    Results,
}
