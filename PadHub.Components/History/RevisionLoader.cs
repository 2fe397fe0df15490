namespace PadHub.Components.History;

/// <summary>
/// Loads the revision the history panel wants while the slider moves: only the LATEST requested revision is fetched,
/// one call at a time, and calls start at least <see cref="MinInterval"/> apart, so dragging across a thousand revisions
/// costs a handful of calls and stays well inside the server's per-connection limit (10 a second, burst 40).
/// </summary>
/// <remarks>
/// Used from one component's dispatcher: <see cref="Request"/> and the callbacks never run concurrently (the awaits
/// resume on the renderer's synchronization context). A failed load is reported and not retried; the next request
/// tries again.
/// </remarks>
internal sealed class RevisionLoader<T>(
    Func<int, CancellationToken, Task<T>> load,
    Func<int, T, Task> onLoaded,
    Func<int, Exception, Task> onFailed,
    TimeProvider time) : IDisposable
{
    /// <summary>The shortest gap between two calls' starts: at most ~8 calls a second.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(125);

    private readonly CancellationTokenSource _stop = new();
    private int? _wanted;
    private int? _loaded;
    private long _lastStart = long.MinValue;

    private bool _pumping;

    /// <summary>A requested revision is not loaded yet (a call is in flight or about to start).</summary>
    public bool IsBusy => _pumping && _wanted is { } wanted && wanted != _loaded;

    /// <summary>Asks for <paramref name="revision"/>; replaces any request that has not started yet.</summary>
    public void Request(int revision)
    {
        _wanted = revision;
        if (!_pumping && revision != _loaded)
        {
            _pumping = true;
            _ = PumpAsync();
        }
    }

    /// <summary>Forgets what was loaded, so the next <see cref="Request"/> of the same revision loads it again.</summary>
    public void Reset() => _loaded = null;

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested && _wanted is { } revision && revision != _loaded)
            {
                var wait = _lastStart == long.MinValue ? TimeSpan.Zero : MinInterval - time.GetElapsedTime(_lastStart);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, _stop.Token);

                    // A newer request may have come in while waiting: take the newest.
                    revision = _wanted.Value;
                    if (revision == _loaded)
                    {
                        break;
                    }
                }

                _lastStart = time.GetTimestamp();
                T result;
                try
                {
                    result = await load(revision, _stop.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
                {
                    // Not retried by itself (a refusal would repeat): unless a newer revision is wanted, wait for a request.
                    _loaded = null;
                    if (_wanted == revision)
                    {
                        _wanted = null;
                    }

                    await onFailed(revision, ex);
                    continue;
                }

                _loaded = revision;
                await onLoaded(revision, result);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the panel is gone.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while waiting.
        }
        finally
        {
            _pumping = false;
        }
    }
}
