using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Pads;

/// <summary>The one classification of a refused open into a <see cref="ViewStatus"/>.</summary>
public static class ViewStatusExtensions
{
    /// <summary>What a view shows for this refusal: its code decides, the message is never parsed.</summary>
    public static ViewStatus ToViewStatus(this PadException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            PadErrorCodes.NotFound => ViewStatus.NotFound,
            PadErrorCodes.Forbidden => ViewStatus.Forbidden,
            _ => ViewStatus.Failed,
        };
    }

    /// <summary>Whether the link itself is the problem (unknown, revoked, not for this view): the page says so.</summary>
    public static bool IsInvalidLink(this ViewStatus status) => status is ViewStatus.NotFound or ViewStatus.Forbidden;

    /// <summary>Whether opening was refused, for any reason.</summary>
    public static bool IsRefused(this ViewStatus status) => status is ViewStatus.NotFound or ViewStatus.Forbidden or ViewStatus.Failed;
}
