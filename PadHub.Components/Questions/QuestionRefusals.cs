using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Questions;

namespace PadHub.Components.Questions;

/// <summary>A refused question action as the page says it, in the page's language (never the server's English message).</summary>
public sealed class QuestionRefusals(IStringLocalizer<QuestionRefusals> localizer)
{
    /// <summary>What to tell the person whose action <paramref name="refusal"/> refused; <paramref name="closed"/>: the board says questions are closed.</summary>
    public string Describe(PadException refusal, bool closed)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            PadErrorCodes.RateLimited => localizer["RefusedRateLimited"],
            PadErrorCodes.TooLarge when refusal.Message.Contains("question", StringComparison.OrdinalIgnoreCase) => localizer["RefusedTooLong", QuestionLimits.MaxTextLength],
            PadErrorCodes.Forbidden when closed => localizer["RefusedClosed"],
            PadErrorCodes.Forbidden => localizer["RefusedForbidden"],
            PadErrorCodes.NotFound => localizer["RefusedNotFound"],
            PadErrorCodes.InvalidOp when refusal.Message.Contains("empty", StringComparison.Ordinal) => localizer["RefusedEmpty"],
            _ => localizer["RefusedOther"],
        };
    }
}
