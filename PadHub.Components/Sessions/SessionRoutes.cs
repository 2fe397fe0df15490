namespace PadHub.Components.Sessions;

/// <summary>The pages' addresses (relative; the API prefixes the public base URL). Links are capabilities: the token is the key.</summary>
public static class SessionRoutes
{
    /// <summary>A pad's own edit link, or a note-taker's link (the group's pad).</summary>
    public static string EditPad(string token) => $"/p/{Uri.EscapeDataString(token)}";

    /// <summary>One pad of a session in the editor, with a session link that reaches several pads (moderator, audience contributor).</summary>
    public static string EditSessionPad(string token, string padId) => $"/p/{Uri.EscapeDataString(token)}/{Uri.EscapeDataString(padId)}";

    /// <summary>One pad of a session in the editor with its History panel open (the dashboard's "History" link).</summary>
    public static string PadHistory(string token, string padId) => EditSessionPad(token, padId) + "?history=true";

    /// <summary>A pad's own read-only link.</summary>
    public static string ViewPad(string token) => $"/v/{Uri.EscapeDataString(token)}";

    /// <summary>The moderator's dashboard.</summary>
    public static string Dashboard(string moderatorToken) => $"/m/{Uri.EscapeDataString(moderatorToken)}";

    /// <summary>The plenary page: every group's conclusions in projector mode (moderator).</summary>
    public static string Plenary(string moderatorToken) => $"/m/{Uri.EscapeDataString(moderatorToken)}/plenary";

    /// <summary>The questions on a projector: the pinned question large, the next ones by votes (moderator).</summary>
    public static string Questions(string moderatorToken) => $"/m/{Uri.EscapeDataString(moderatorToken)}/questions";

    /// <summary>The printable share page with every link and its QR code (moderator).</summary>
    public static string Share(string moderatorToken) => $"/m/{Uri.EscapeDataString(moderatorToken)}/share";

    /// <summary>The audience page: every group, or one with <c>?group=N</c> (1-based).</summary>
    public static string Audience(string audienceToken) => $"/a/{Uri.EscapeDataString(audienceToken)}";

    /// <summary>The results page (read-only outputs and exports), publishable widely.</summary>
    public static string Results(string resultsToken) => $"/r/{Uri.EscapeDataString(resultsToken)}";
}
