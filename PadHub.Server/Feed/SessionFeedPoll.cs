using System.Collections.Immutable;
using PadHub.Components.Contracts.Feed;

namespace PadHub.Server.Feed;

/// <summary>
/// One session's feed while someone watches it: a loop that polls the instance (<see cref="MastodonFeedClient"/>) on
/// <see cref="FeedPollSchedule"/>'s pauses, keeps the newest posts and publishes a new <see cref="SocialFeedState"/> to
/// the watchers. Starts with the first watcher, stops with the last (then it is retired); a settings change wakes it.
/// </summary>
internal sealed class SessionFeedPoll(string sessionId, SocialFeedService owner) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private ImmutableArray<FeedWatcher> _watchers = [];
    private SocialFeedState _state = SocialFeedState.Off;
    private SessionFeedSettings? _settings;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private Task? _stopped;

    public string SessionId { get; } = sessionId;

    public bool Retired { get; private set; }

    public SocialFeedState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Registers a watcher (and starts polling with the first); null when retired.</summary>
    public FeedWatcher? AddWatcher(Func<SocialFeedState, ValueTask> onChanged, SessionFeedSettings? settings)
    {
        lock (_gate)
        {
            if (Retired)
            {
                return null;
            }

            var watcher = new FeedWatcher(this, _state, onChanged, ex => owner.WatcherFailed(SessionId, ex));
            _watchers = _watchers.Add(watcher);
            if (_loop is null)
            {
                _settings = settings;
                _loop = Task.Run(() => RunAsync(_stop.Token));
            }

            return watcher;
        }
    }

    /// <summary>The moderator changed the settings: poll the new ones now.</summary>
    public void UpdateSettings(SessionFeedSettings? settings)
    {
        lock (_gate)
        {
            if (_settings == settings)
            {
                return;
            }

            _settings = settings;
            _wake.TrySetResult();
        }
    }

    public async ValueTask RemoveWatcherAsync(FeedWatcher watcher)
    {
        lock (_gate)
        {
            _watchers = _watchers.Remove(watcher);
            if (_watchers.Length > 0 || Retired)
            {
                return;
            }

            Retired = true;
        }

        owner.Retire(this);
        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the loop and waits for it (shutdown, or the last watcher gone); idempotent.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            Retired = true;
            return _stopped ??= StopLoopAsync(_loop);
        }
    }

    private async Task StopLoopAsync(Task? loop)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        Dispose();
    }

    /// <summary>Releases the stop signal; only once the loop has ended (<see cref="StopAsync"/> calls it).</summary>
    public void Dispose() => _stop.Dispose();

    private async Task RunAsync(CancellationToken stop)
    {
        SessionFeedSettings? polled = null;
        string? sinceId = null;
        var quiet = 0;
        var failures = 0;
        IReadOnlyList<SocialPost> posts = [];
        while (!stop.IsCancellationRequested)
        {
            Task wake;
            SessionFeedSettings? settings;
            lock (_gate)
            {
                settings = _settings;
                if (_wake.Task.IsCompleted)
                {
                    _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                wake = _wake.Task;
            }

            if (settings != polled)
            {
                (polled, sinceId, quiet, failures, posts) = (settings, null, 0, 0, []);
                Publish(settings is null ? SocialFeedStatus.Off : SocialFeedStatus.Connecting, settings, posts, null);
            }

            if (settings is null)
            {
                await WaitAsync(wake, Timeout.InfiniteTimeSpan, stop).ConfigureAwait(false);
                continue;
            }

            FeedFetch fetch;
            try
            {
                fetch = await owner.Client.FetchAsync(settings, sinceId, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            var now = owner.Time.GetUtcNow();
            TimeSpan delay;
            if (fetch.Outcome.Succeeded)
            {
                var known = posts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
                var fresh = fetch.Posts.Where(p => known.Add(p.PostId)).ToList();
                posts = [.. fresh.Concat(posts).OrderByDescending(p => p.CreatedAt).Take(owner.Options.MaxPosts)];
                sinceId = NewestId(fetch.Posts, sinceId);
                failures = 0;
                quiet = fresh.Count > 0 ? 0 : quiet + 1;
                delay = FeedPollSchedule.NextDelay(fetch.Outcome with { NewPosts = fresh.Count }, quiet, failures, now, owner.Options);
                Publish(SocialFeedStatus.Live, settings, posts, null);
            }
            else
            {
                failures++;
                delay = FeedPollSchedule.NextDelay(fetch.Outcome, quiet, failures, now, owner.Options);
                owner.PollFailed(SessionId, settings.Instance, fetch.Error ?? "unknown", failures, delay);
                Publish(SocialFeedStatus.Unreachable, settings, posts, now + delay);
            }

            await WaitAsync(wake, delay, stop).ConfigureAwait(false);
        }
    }

    /// <summary>Mastodon ids are numeric strings of growing value: the newest is the longest, then the greatest.</summary>
    private static string? NewestId(IReadOnlyList<SocialPost> posts, string? sinceId)
    {
        var newest = sinceId;
        foreach (var post in posts)
        {
            if (newest is null || post.PostId.Length > newest.Length
                || (post.PostId.Length == newest.Length && string.CompareOrdinal(post.PostId, newest) > 0))
            {
                newest = post.PostId;
            }
        }

        return newest;
    }

    private async Task WaitAsync(Task wake, TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.WhenAny(wake, Task.Delay(delay, owner.Time, stop)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop's condition ends it.
        }
    }

    private void Publish(SocialFeedStatus status, SessionFeedSettings? settings, IReadOnlyList<SocialPost> posts, DateTimeOffset? retryAt)
    {
        lock (_gate)
        {
            _state = new SocialFeedState(_state.Version + 1, status, settings, posts, retryAt);
            foreach (var watcher in _watchers)
            {
                watcher.Offer(_state);
            }
        }
    }
}
