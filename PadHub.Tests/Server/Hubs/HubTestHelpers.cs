using Microsoft.Extensions.DependencyInjection;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Hubs;

internal static class HubTestHelpers
{
    /// <summary>
    /// The stable code of a refused call. SignalR hands a client the server's HubException message behind its own fixed
    /// wrapper ("An unexpected error occurred invoking 'X' on the server. HubException: "), so the code is what follows it.
    /// </summary>
    public static string ErrorCode(this Microsoft.AspNetCore.SignalR.HubException exception)
    {
        const string marker = "HubException: ";
        var message = exception.Message;
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"Not a HubException relayed from the server: {message}");
        var text = message[(start + marker.Length)..];
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        Assert.True(colon > 0, $"No code in: {message}");
        return text[..colon];
    }

    public static Task<CreatedPad> CreatePadAsync(this PadHubServerFactory factory, string text = "") =>
        factory.Services.GetRequiredService<IPadStore>().CreatePadAsync(text);
}
