using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Sessions;

/// <summary>What the moderator's controls say when the server refuses an action.</summary>
internal static class ModeratorRefusal
{
    public static string Message(PadException refusal) => refusal.Code == PadErrorCodes.NotFound
        ? "This link no longer works: it was replaced. Open the dashboard with the new moderator link."
        : refusal.Message;
}
