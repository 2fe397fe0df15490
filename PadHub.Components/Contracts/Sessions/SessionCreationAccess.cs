namespace PadHub.Components.Contracts.Sessions;

/// <summary>How the home page's form may create sessions.</summary>
public enum SessionCreationAccess
{
    /// <summary>Anyone (perhaps with a per-client limit).</summary>
    Open,

    /// <summary>Only with the organiser key.</summary>
    KeyRequired,

    /// <summary>Nobody: the server has no organiser key and creation is not open.</summary>
    Disabled,
}
