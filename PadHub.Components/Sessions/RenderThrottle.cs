namespace PadHub.Components.Sessions;

/// <summary>
/// Coalesces change notifications into renders: at most one render per <c>interval</c>, and always one after the last
/// notification, so the final state is always shown. Notifications may come from any thread.
/// </summary>
/// <remarks>
/// The pending flag is cleared before the render reads the state, so a change that lands while a render is running
/// schedules another one instead of being lost.
/// </remarks>
internal sealed class RenderThrottle(TimeProvider time, TimeSpan interval, Func<Task> render) : IDisposable
{
    /// <summary>At most ~10 renders a second per live view.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private ITimer? _timer;
    private long _lastRenderTicks = long.MinValue;
    private bool _scheduled;
    private bool _disposed;

    /// <summary>Something changed: render soon (now if the last render is older than the interval).</summary>
    public void Request()
    {
        TimeSpan delay;
        lock (_gate)
        {
            if (_scheduled || _disposed)
            {
                return;
            }

            _scheduled = true;
            var now = time.GetTimestamp();
            delay = _lastRenderTicks == long.MinValue
                ? TimeSpan.Zero
                : interval - time.GetElapsedTime(_lastRenderTicks, now);
            if (delay > TimeSpan.Zero)
            {
                _timer?.Dispose();
                _timer = time.CreateTimer(_ => _ = RunAsync(), null, delay, Timeout.InfiniteTimeSpan);
                return;
            }
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _scheduled = false;
            _lastRenderTicks = time.GetTimestamp();
        }

        try
        {
            await render();
        }
        catch (ObjectDisposedException)
        {
            // The view went away between the notification and the render.
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
