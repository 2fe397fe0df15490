using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.History;

/// <summary>What the history panel tells the user when the server refuses a call.</summary>
internal static class HistoryErrors
{
    public static string Describe(PadException exception) => exception.Code switch
    {
        PadErrorCodes.RateLimited => "Too many history requests at once: wait a moment and try again.",
        PadErrorCodes.StaleRevision => "That revision does not exist on this pad.",
        PadErrorCodes.Forbidden => "This link does not allow that.",
        PadErrorCodes.NotFound => "The pad is no longer reachable with this link.",
        PadErrorCodes.TooLarge or PadErrorCodes.InvalidOp => MessageWithoutCode(exception),
        _ => "The server could not do that right now. Try again.",
    };

    // Messages start with "code:" (docs/PROTOCOL.md); the rest is written for people.
    private static string MessageWithoutCode(PadException exception)
    {
        var message = exception.Message;
        var prefix = exception.Code + ":";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..].Trim() : message;
    }
}
