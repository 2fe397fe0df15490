namespace PadHub.Server.Sessions;

// The session's comment setting: whether audience links may comment on the pads.
internal sealed partial class WorkshopService
{
    public async Task SetAudienceCanCommentAsync(string moderatorToken, bool audienceCanComment, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, "change who may comment", cancellationToken).ConfigureAwait(false);
        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            if (runtime.State.AudienceCanComment == audienceCanComment)
            {
                return;
            }

            await store.SaveAudienceCanCommentAsync(runtime.SessionId, audienceCanComment, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with { AudienceCanComment = audienceCanComment });
            LogAudienceCanComment(logger, runtime.SessionId, audienceCanComment);
        }, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: audience may comment = {AudienceCanComment}")]
    private static partial void LogAudienceCanComment(ILogger logger, string sessionId, bool audienceCanComment);
}
