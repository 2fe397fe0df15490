namespace PadHub.Components.Pads;

/// <summary>
/// How far opening a view through its link got: a pad (editor, live view) or a session page (dashboard, share page,
/// audience, a group's pane). A refusal is classified once, by <see cref="ViewStatusExtensions.ToViewStatus"/>; each
/// view decides how it shows each status.
/// </summary>
public enum ViewStatus
{
    /// <summary>Not open yet: prerendering, waiting for the browser or the server.</summary>
    Opening,

    /// <summary>Open: the view shows its content.</summary>
    Ready,

    /// <summary>The link is unknown or revoked, or what it names does not exist (<c>not-found</c>).</summary>
    NotFound,

    /// <summary>The link is valid but does not reach this view (<c>forbidden</c>: another pad, a role that cannot open it).</summary>
    Forbidden,

    /// <summary>Refused for another reason (a limit, an invalid request): the link may work later.</summary>
    Failed,
}
