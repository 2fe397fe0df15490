using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Sessions;

/// <summary>What the moderator's controls say when the server refuses an action.</summary>
internal static class ModeratorRefusal
{
    /// <param name="text">The caller's localiser, with the key <c>LinkReplaced</c>.</param>
    public static string Message(PadException refusal, IStringLocalizer text) => refusal.Code == PadErrorCodes.NotFound
        ? text["LinkReplaced"]
        : refusal.Message;
}
