using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Feed;

/// <summary>
/// <see cref="ISocialFeedService"/> and the background poller's host: one <see cref="SessionFeedPoll"/> per session a
/// moderator's panel is watching (none otherwise), all stopped at shutdown. The moderator's token is checked at every
/// watch; the feed follows the session's settings through the same watch.
/// </summary>
internal sealed partial class SocialFeedService(
    IWorkshopService workshops,
    MastodonFeedClient client,
    IOptions<SocialFeedOptions> options,
    TimeProvider time,
    ILogger<SocialFeedService> logger) : ISocialFeedService, IHostedService
{
    private readonly ConcurrentDictionary<string, SessionFeedPoll> _polls = new(StringComparer.Ordinal);

    internal MastodonFeedClient Client => client;

    internal SocialFeedOptions Options => options.Value;

    internal TimeProvider Time => time;

    public async Task<ISocialFeedSubscription> WatchAsync(string moderatorToken, Func<SocialFeedState, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        SessionFeedPoll? poll = null;
        var session = await workshops.WatchAsync(moderatorToken, state =>
        {
            Volatile.Read(ref poll)?.UpdateSettings(state.Feed);
            return ValueTask.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        if (session.Access.Role != SessionRole.Moderator)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw new PadException(PadErrorCodes.Forbidden, "Only the moderator's link follows the social feed.");
        }

        while (true)
        {
            var candidate = _polls.GetOrAdd(session.Access.SessionId, id => new SessionFeedPoll(id, this));
            if (candidate.AddWatcher(onChanged, session.Current.Feed) is { } watcher)
            {
                watcher.Session = session;
                Volatile.Write(ref poll, candidate);
                // A change between the subscription and now reached no poll: offer the latest settings again.
                candidate.UpdateSettings(session.Current.Feed);
                return watcher;
            }

            _polls.TryRemove(new KeyValuePair<string, SessionFeedPoll>(candidate.SessionId, candidate));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var poll in _polls.Values)
        {
            await poll.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _polls.Clear();
    }

    internal void Retire(SessionFeedPoll poll) =>
        _polls.TryRemove(new KeyValuePair<string, SessionFeedPoll>(poll.SessionId, poll));

    internal void WatcherFailed(string sessionId, Exception exception) => LogWatcherFailed(logger, sessionId, exception);

    internal void PollFailed(string sessionId, string instance, string error, int failures, TimeSpan retryIn) =>
        LogPollFailed(logger, sessionId, instance, error, failures, retryIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: a social feed watcher failed")]
    private static partial void LogWatcherFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: the feed on {Instance} failed ({Error}, {Failures} in a row); next try in {RetryIn}")]
    private static partial void LogPollFailed(ILogger logger, string sessionId, string instance, string error, int failures, TimeSpan retryIn);
}
