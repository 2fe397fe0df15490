using System.Diagnostics;
using Microsoft.Playwright;

namespace PadHub.Benchmarks.Live;

/// <summary>One viewer page of <see cref="ViewBytesCommand"/> and the WebSocket bytes and frames it has exchanged.</summary>
internal sealed class CountedViewer(string name, IPage page)
{
    public string Name { get; } = name;

    private readonly Lock _gate = new();
    private long _received;
    private long _sent;
    private int _frames;
    private long _lastFrameAt = Stopwatch.GetTimestamp();

    public IPage Page { get; } = page;

    public void Count(int received = 0, int sent = 0)
    {
        lock (_gate)
        {
            _received += received;
            _sent += sent;
            _frames += received > 0 ? 1 : 0;
            _lastFrameAt = Stopwatch.GetTimestamp();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _received = _sent = _frames = 0;
        }
    }

    public ViewerResult Result()
    {
        lock (_gate)
        {
            return new ViewerResult(Name, _received, _sent, _frames);
        }
    }

    /// <summary>Waits until no frame moved for <paramref name="quiet"/> (bounded: 30 s).</summary>
    public async Task WaitQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            long last;
            lock (_gate)
            {
                last = _lastFrameAt;
            }

            if (Stopwatch.GetElapsedTime(last) >= quiet)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The {Name} never went quiet for {quiet.TotalSeconds} s (a timer rendering continuously?).");
    }
}
