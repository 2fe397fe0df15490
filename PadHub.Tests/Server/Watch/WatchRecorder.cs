using PadHub.Components.Contracts.Pads;

namespace PadHub.Tests.Server.Watch;

/// <summary>A view's callback that counts calls, records what it saw, can be held open or made to throw.</summary>
internal sealed class WatchRecorder
{
    private readonly Lock _gate = new();
    private readonly List<PadWatchSnapshot> _seen = [];
    private int _running;

    public IPadWatch? Watch { get; set; }

    /// <summary>When set, each call waits for it.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public bool Throw { get; init; }

    public int Calls { get; private set; }

    public int MaxConcurrent { get; private set; }

    public PadWatchSnapshot? LastSeen
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count == 0 ? null : _seen[^1];
            }
        }
    }

    public async ValueTask OnChangedAsync()
    {
        var running = Interlocked.Increment(ref _running);
        lock (_gate)
        {
            Calls++;
            MaxConcurrent = Math.Max(MaxConcurrent, running);
            if (Watch is { } watch)
            {
                _seen.Add(watch.Current);
            }
        }

        try
        {
            if (Hold is { } hold)
            {
                await hold.Task;
            }

            if (Throw)
            {
                throw new InvalidOperationException("A view failing (simulated).");
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
