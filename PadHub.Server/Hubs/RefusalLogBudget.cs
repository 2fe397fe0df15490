using PadHub.Server.Hosting;

namespace PadHub.Server.Hubs;

/// <summary>
/// How many refused calls of one connection still get a log line: a burst of <see cref="Burst"/>, then one per
/// <see cref="Interval"/>; the others are only counted, and the count is reported with the next line or at disconnect.
/// </summary>
internal sealed class RefusalLogBudget(TimeProvider time)
{
    public const int Burst = 5;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly TokenBucket _bucket = new(1 / Interval.TotalSeconds, Burst, time);
    private int _suppressed;

    /// <summary>True when this refusal gets a line; <paramref name="suppressedBefore"/> is how many went unlogged since the last one.</summary>
    public bool TryLog(out int suppressedBefore)
    {
        if (_bucket.TryTake())
        {
            suppressedBefore = Interlocked.Exchange(ref _suppressed, 0);
            return true;
        }

        Interlocked.Increment(ref _suppressed);
        suppressedBefore = 0;
        return false;
    }

    /// <summary>Refusals not logged yet (reported at disconnect).</summary>
    public int TakeSuppressed() => Interlocked.Exchange(ref _suppressed, 0);
}
