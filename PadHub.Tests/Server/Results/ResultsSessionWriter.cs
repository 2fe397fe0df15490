using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;
using PadHub.Tests.Fakes;
using PadHub.Tests.Server.Sessions;

namespace PadHub.Tests.Server.Results;

/// <summary>Types into a session's pad through the real pad service, as a note-taker's editor does.</summary>
internal static class ResultsSessionWriter
{
    /// <summary>Appends <paramref name="text"/> to the pad as <paramref name="name"/>, naming the new revision if asked; returns it.</summary>
    public static async Task<int> AppendAsync(PadHubServerFactory server, string token, string padId, string name, string text, string? revisionName = null)
    {
        var sessions = server.Services.GetRequiredServiceOf<IPadSessionService>();
        var connection = await sessions.ConnectAsync(new PadJoinRequest(token, TestClientIds.For(new string([.. name.Where(char.IsLetterOrDigit)])), name, padId), NullPadListener.Instance);
        await using (connection)
        {
            var joined = connection.Joined;
            var revision = await connection.SubmitAsync(1, joined.Revision, TextOperation.ForInsert(joined.Text.Length, joined.Text.Length, text));
            if (revisionName is not null)
            {
                await connection.NameRevisionAsync(revision, revisionName);
            }

            return revision;
        }
    }
}
