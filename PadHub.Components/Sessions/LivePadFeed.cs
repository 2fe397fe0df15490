using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Sessions;

/// <summary>
/// A live view's watch of one pad: <c>render</c> is called after each snapshot the pad's mirror publishes. The mirror is
/// the one place that paces (at most ~10 snapshots a second, the last change always published) and the watch never
/// calls concurrently and coalesces what a slow render missed into one more call, so the view renders what it is told,
/// reading <see cref="Current"/>.
/// </summary>
internal sealed class LivePadFeed : IAsyncDisposable
{
    private readonly IPadWatch _watch;

    private LivePadFeed(IPadWatch watch) => _watch = watch;

    /// <summary>The pad's latest snapshot.</summary>
    public PadWatchSnapshot Current => _watch.Current;

    /// <summary>Starts watching; <paramref name="render"/> is called (from any thread, one call at a time) after changes.</summary>
    /// <exception cref="PadException">The token cannot watch the pad.</exception>
    public static async Task<LivePadFeed> StartAsync(
        IPadWatchService service, string token, string padId, Func<Task> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new LivePadFeed(await service.WatchAsync(token, padId, Changed(render), cancellationToken));
    }

    /// <summary>Starts watching the stand-alone pad that <paramref name="token"/> (the pad's own link) names.</summary>
    /// <exception cref="PadException">The token is no pad's own link.</exception>
    public static async Task<LivePadFeed> StartForPadLinkAsync(
        IPadWatchService service, string token, Func<Task> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new LivePadFeed(await service.WatchPadLinkAsync(token, Changed(render), cancellationToken));
    }

    private static Func<ValueTask> Changed(Func<Task> render) => () => new ValueTask(render());

    public ValueTask DisposeAsync() => _watch.DisposeAsync();
}
