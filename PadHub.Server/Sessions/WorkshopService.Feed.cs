using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>The session's social feed settings (moderator only, run alone on its session like every change).</summary>
internal sealed partial class WorkshopService
{
    public async Task SetFeedAsync(string moderatorToken, SessionFeedSettings? feed, CancellationToken cancellationToken = default)
    {
        var (runtime, _) = await RequireModeratorAsync(moderatorToken, "change the social feed", cancellationToken).ConfigureAwait(false);
        SessionFeedSettings? clean;
        try
        {
            clean = SessionFeedRules.Normalize(feed);
        }
        catch (ArgumentException ex)
        {
            throw new PadException(PadErrorCodes.InvalidOp, ex.Message);
        }

        await MutateAsync(runtime, moderatorToken, async runtime =>
        {
            if (runtime.State.Feed == clean)
            {
                return;
            }

            await store.SaveFeedAsync(runtime.SessionId, clean, cancellationToken).ConfigureAwait(false);
            runtime.Publish(s => s with { Feed = clean });
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new session's feed settings, normalised; a bad one refuses the whole session like any other field.</summary>
    private static SessionFeedSettings? ValidFeed(SessionFeedSettings? feed)
    {
        try
        {
            return SessionFeedRules.Normalize(feed);
        }
        catch (ArgumentException ex)
        {
            throw new SessionValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["feed." + (ex.ParamName ?? "hashtag")] = [ex.ParamName == "instance"
                    ? ValidationText.Get("FeedInstance")
                    : ValidationText.Get("FeedHashtag", SessionFeedRules.MaxHashtagLength)],
            });
        }
    }
}
