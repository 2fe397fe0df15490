using PadHub.Server.Pads.Authority;

namespace PadHub.Server.Pads.Fanout;

/// <summary>
/// A pad's pacing clock (<see cref="PadAuthorityOptions.DeliveryInterval"/>), shared by every connection of the pad:
/// it ticks only while someone waits, once per interval, and every connection waiting for a tick is released by the
/// same one, so pacing costs one timer per busy pad rather than one per connection.
/// </summary>
internal sealed class DeliveryClock(TimeSpan interval, TimeProvider time)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _next;
    private long _intervalTicks = interval.Ticks;

    /// <summary>A clock that never paces (a subscription not yet in its pad).</summary>
    public static DeliveryClock Unpaced { get; } = new(TimeSpan.Zero, TimeProvider.System);

    /// <summary>The current interval; a change applies from the next tick.</summary>
    public TimeSpan Interval
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _intervalTicks));
        set => Volatile.Write(ref _intervalTicks, value.Ticks);
    }

    /// <summary>A tick is due (someone waits for it).</summary>
    public bool IsTicking
    {
        get
        {
            lock (_gate)
            {
                return _next is not null;
            }
        }
    }

    /// <summary>Whether writes are paced at all (a zero interval turns pacing off).</summary>
    public bool Paces => Interval > TimeSpan.Zero;

    /// <summary>Completes at the next tick: within one interval.</summary>
    public Task NextTickAsync()
    {
        lock (_gate)
        {
            if (_next is null)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _ = TickAsync(_next);
            }

            return _next.Task;
        }
    }

    private async Task TickAsync(TaskCompletionSource tick)
    {
        await Task.Delay(Interval, time).ConfigureAwait(false);
        lock (_gate)
        {
            _next = null;
        }

        tick.SetResult();
    }
}
