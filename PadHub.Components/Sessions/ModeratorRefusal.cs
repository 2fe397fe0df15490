using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Pads;

namespace PadHub.Components.Sessions;

/// <summary>What the moderator's controls say when the server refuses an action.</summary>
internal static class ModeratorRefusal
{
    /// <param name="text">The caller's localiser, with the key <c>LinkReplaced</c>.</param>
    /// <param name="refusals">Any other refusal, in the page's language.</param>
    public static string Message(PadException refusal, IStringLocalizer text, IStringLocalizer<PadRefusals> refusals) => refusal.Code == PadErrorCodes.NotFound
        ? text["LinkReplaced"]
        : PadRefusals.Describe(refusal, refusals);
}
