using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Pads;

/// <summary>
/// A refusal from the server as a page says it, in the page's language, by its stable code. The server's own message
/// is English, written for API clients (docs/PROTOCOL.md), so a page never shows it.
/// </summary>
/// <remarks>Not static: it names its own resource files (<c>IStringLocalizer&lt;PadRefusals&gt;</c>).</remarks>
public sealed class PadRefusals
{
    private PadRefusals()
    {
    }

    /// <summary>What to tell the person whose action <paramref name="refusal"/> refused; a code no page knows gets the general message.</summary>
    public static string Describe(PadException refusal, IStringLocalizer<PadRefusals> text)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(text);
        return refusal.Code switch
        {
            PadErrorCodes.Forbidden => text["Forbidden"],
            PadErrorCodes.NotFound => text["NotFound"],
            PadErrorCodes.RateLimited when refusal.RetryAfter is { } wait => text["RateLimitedRetry", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))],
            PadErrorCodes.RateLimited => text["RateLimited"],
            PadErrorCodes.TooLarge => text["TooLarge"],
            PadErrorCodes.InvalidOp => text["InvalidOp"],
            PadErrorCodes.StaleRevision => text["StaleRevision"],
            _ => text["Other"],
        };
    }
}
