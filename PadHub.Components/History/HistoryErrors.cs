using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.History;

/// <summary>What the history panel tells the user when the server refuses a call.</summary>
/// <remarks>Not static: it names its own resource files (<c>IStringLocalizer&lt;HistoryErrors&gt;</c>).</remarks>
internal sealed class HistoryErrors
{
    private HistoryErrors()
    {
    }

    /// <summary>The refusal in the page's language, by its code (never the server's English message).</summary>
    public static string Describe(PadException exception, IStringLocalizer<HistoryErrors> text) => exception.Code switch
    {
        PadErrorCodes.RateLimited => text["RateLimited"],
        PadErrorCodes.StaleRevision => text["StaleRevision"],
        PadErrorCodes.Forbidden => text["Forbidden"],
        PadErrorCodes.NotFound => text["NotFound"],
        PadErrorCodes.TooLarge => text["TooLarge"],
        PadErrorCodes.InvalidOp => text["InvalidOp"],
        _ => text["Failed"],
    };
}
