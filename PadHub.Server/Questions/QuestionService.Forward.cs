using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Authority;

namespace PadHub.Server.Questions;

// Forwarding a question to a group: an ordinary revision of the group's pad, through its authority.
internal sealed partial class QuestionService
{
    /// <summary>
    /// The client id every forwarded question commits under: not a valid client's id ('~'), so no one submits as it.
    /// Its seq is the revision the edit is based on plus one: forwards of a session run one at a time, so each is
    /// above the last (the exactly-once machinery treats each as new).
    /// </summary>
    internal const string ForwardClientId = "padhub~questions";

    /// <summary>The author every forwarded question is written by in the session's pads: "Moderator".</summary>
    internal static PadAuthor ModeratorAuthor(string sessionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("padhub-moderator:" + sessionId));
        return new PadAuthor("m-" + WebEncoders.Base64UrlEncode(hash, 0, 12), "Moderator", "#6a1b9a");
    }

    public async Task ForwardAsync(string moderatorToken, string questionId, string groupId, CancellationToken cancellationToken = default)
    {
        var access = await RequireModeratorAsync(moderatorToken, "forward questions", cancellationToken).ConfigureAwait(false);
        QuestionInput.Id(questionId, "question");
        QuestionInput.Id(groupId, "group");
        await MutateAsync(moderatorToken, access, async room =>
        {
            var question = room.Find(questionId) ?? throw NoSuchQuestion();
            if (!room.Groups.TryGetValue(groupId, out var group))
            {
                throw new PadException(PadErrorCodes.NotFound, "There is no such group in this session.");
            }

            // The moderator's own access to the pad, read again in the pad's serial order: a locked or ended session
            // refuses the edit like any other.
            using var gate = await padGates.ResolveAsync(moderatorToken, group.PadId, cancellationToken).ConfigureAwait(false)
                ?? throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");
            if (!gate.Current.CanWrite)
            {
                throw new PadException(PadErrorCodes.Forbidden, gate.Current.Reason ?? "The group's pad cannot be edited now.");
            }

            var author = ModeratorAuthor(room.SessionId);
            await pads.SaveAuthorAsync(author, cancellationToken).ConfigureAwait(false);
            var authority = authorities.GetAuthority(group.PadId);
            var head = await authority.GetStateAsync(cancellationToken).ConfigureAwait(false);
            var (position, insert) = QuestionBullet.Plan(head.Text, question.Text);
            var operation = TextOperation.ForInsert(head.Text.Length, position, insert);
            var command = new PadSubmitCommand(author.AuthorId, ForwardClientId, head.Revision + 1L, head.Revision, operation)
            {
                WriteAccess = () => gate.Current,
            };
            var result = await authority.SubmitAsync(command, cancellationToken).ConfigureAwait(false);

            var forwarded = question with { ForwardedToGroupId = groupId };
            await store.UpdateAsync(forwarded, cancellationToken).ConfigureAwait(false);
            room.Put(forwarded);
            room.Publish();
            LogForwarded(logger, room.SessionId, questionId, group.Number, result.Revision);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: question {QuestionId} forwarded to group {Group} (revision {Revision})")]
    private static partial void LogForwarded(ILogger logger, string sessionId, string questionId, int group, int revision);
}
