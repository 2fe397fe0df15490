using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Pads;

namespace PadHub.Components.Sessions;

/// <summary>
/// A view's follow of a session's live state: <see cref="Current"/> is the newest state seen, by
/// <see cref="SessionState.Version"/>, and <c>render</c> is called after each newer one. The session delivers states in
/// version order, one call at a time; the version check covers the one race left, a state delivered before
/// <see cref="IWorkshopService.WatchAsync"/> returned its subscription.
/// </summary>
internal sealed class LiveSessionFeed : IAsyncDisposable
{
    private readonly Func<Task> _render;
    private ISessionSubscription? _subscription;
    private SessionState? _latest;

    private LiveSessionFeed(Func<Task> render) => _render = render;

    /// <summary>The newest session state seen.</summary>
    public SessionState Current => Volatile.Read(ref _latest)!;

    /// <summary>What the token grants.</summary>
    public SessionAccess Access => _subscription!.Access;

    /// <summary>Starts following; <paramref name="render"/> is called (from any thread, one call at a time) after newer states.</summary>
    /// <exception cref="PadException">The token is unknown or revoked.</exception>
    public static async Task<LiveSessionFeed> StartAsync(
        IWorkshopService workshops, string token, Func<Task> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workshops);
        var feed = new LiveSessionFeed(render);
        feed._subscription = await workshops.WatchAsync(token, feed.OnChangedAsync, cancellationToken);
        feed.Offer(feed._subscription.Current);
        return feed;
    }

    /// <summary>
    /// Starts following for a page that only the moderator's link opens: the feed and <see cref="ViewStatus.Ready"/>, or
    /// no feed and why (the refusal's status; <see cref="ViewStatus.Forbidden"/> for another link of the session).
    /// </summary>
    public static async Task<(LiveSessionFeed? Feed, ViewStatus Status)> StartForModeratorAsync(
        IWorkshopService workshops, string token, Func<Task> render, CancellationToken cancellationToken = default)
    {
        LiveSessionFeed feed;
        try
        {
            feed = await StartAsync(workshops, token, render, cancellationToken);
        }
        catch (PadException ex)
        {
            return (null, ex.ToViewStatus());
        }

        if (feed.Access.Role != SessionRole.Moderator)
        {
            await feed.DisposeAsync();
            return (null, ViewStatus.Forbidden);
        }

        return (feed, ViewStatus.Ready);
    }

    public ValueTask DisposeAsync() => _subscription?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async ValueTask OnChangedAsync(SessionState state)
    {
        if (Offer(state))
        {
            await _render();
        }
    }

    /// <summary>Keeps <paramref name="state"/> when it is newer than the latest; true when it did.</summary>
    private bool Offer(SessionState state)
    {
        while (true)
        {
            var latest = Volatile.Read(ref _latest);
            if (latest is not null && state.Version <= latest.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _latest, state, latest) == latest)
            {
                return true;
            }
        }
    }
}
