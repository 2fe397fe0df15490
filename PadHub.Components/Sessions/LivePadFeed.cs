using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Sessions;

/// <summary>
/// A live view's watch of one pad: the mirror's notifications coalesced by a <see cref="RenderThrottle"/> into at most
/// ~10 renders a second, the last state always rendered. The view reads <see cref="Current"/> when it renders.
/// </summary>
internal sealed class LivePadFeed : IAsyncDisposable
{
    private readonly RenderThrottle _throttle;
    private IPadWatch? _watch;

    private LivePadFeed(TimeProvider time, Func<Task> render) =>
        _throttle = new RenderThrottle(time, RenderThrottle.DefaultInterval, render);

    /// <summary>The pad's latest snapshot.</summary>
    public PadWatchSnapshot? Current => _watch?.Current;

    /// <summary>Starts watching; <paramref name="render"/> is called (throttled, from any thread) after changes.</summary>
    /// <exception cref="Pads.PadException">The token cannot watch the pad.</exception>
    public static async Task<LivePadFeed> StartAsync(
        IPadWatchService service, string token, string padId, TimeProvider time, Func<Task> render, CancellationToken cancellationToken = default)
    {
        var feed = new LivePadFeed(time, render);
        try
        {
            feed._watch = await service.WatchAsync(token, padId, feed.OnChangedAsync, cancellationToken);
        }
        catch
        {
            feed._throttle.Dispose();
            throw;
        }

        return feed;
    }

    /// <summary>Starts watching the stand-alone pad that <paramref name="token"/> (the pad's own link) names.</summary>
    /// <exception cref="Pads.PadException">The token is no pad's own link.</exception>
    public static async Task<LivePadFeed> StartForPadLinkAsync(
        IPadWatchService service, string token, TimeProvider time, Func<Task> render, CancellationToken cancellationToken = default)
    {
        var feed = new LivePadFeed(time, render);
        try
        {
            feed._watch = await service.WatchPadLinkAsync(token, feed.OnChangedAsync, cancellationToken);
        }
        catch
        {
            feed._throttle.Dispose();
            throw;
        }

        return feed;
    }

    private ValueTask OnChangedAsync()
    {
        _throttle.Request();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _throttle.Dispose();
        if (_watch is not null)
        {
            await _watch.DisposeAsync();
        }
    }
}
