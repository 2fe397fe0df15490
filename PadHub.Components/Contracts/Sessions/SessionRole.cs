namespace PadHub.Components.Contracts.Sessions;

/// <summary>What a session link lets its holder do. Enforced on the server for every action.</summary>
public enum SessionRole
{
    /// <summary>Everything: the dashboard, facilitation, every pad, regenerating links.</summary>
    Moderator,

    /// <summary>Edits one group's pad (and follows it).</summary>
    NoteTaker,

    /// <summary>Follows every group; edits only when the session allows audience contributions.</summary>
    Audience,

    /// <summary>Reads the session's results (<c>/r/{token}</c>) and its exports; never writes, whatever the session allows.</summary>
    Results,
}
