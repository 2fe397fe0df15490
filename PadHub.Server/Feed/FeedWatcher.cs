using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Concurrency;

namespace PadHub.Server.Feed;

/// <summary>
/// One moderator panel's watch of a session's feed: latest-wins delivery in version order, and the session watch that
/// tells the poll when the moderator changes the hashtag or the instance.
/// </summary>
internal sealed class FeedWatcher(SessionFeedPoll poll, SocialFeedState current, Func<SocialFeedState, ValueTask> onChanged, Action<Exception> onError)
    : ISocialFeedSubscription
{
    private readonly LatestValuePump<SocialFeedState> _pump = new(current, onChanged, onError, static (latest, next) => next.Version > latest.Version);

    /// <summary>The session watch (set once registered); disposed with this.</summary>
    public ISessionSubscription? Session { get; set; }

    public SocialFeedState Current => _pump.Current;

    public void Offer(SocialFeedState state) => _pump.Post(state);

    public async ValueTask DisposeAsync()
    {
        _pump.Stop();
        if (Session is not null)
        {
            await Session.DisposeAsync().ConfigureAwait(false);
        }

        await poll.RemoveWatcherAsync(this).ConfigureAwait(false);
    }
}
