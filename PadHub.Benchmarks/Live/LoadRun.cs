using System.Collections.Concurrent;
using System.Diagnostics;

namespace PadHub.Benchmarks.Live;

/// <summary>What all the clients of one stage share: the edit clock, the counters, the latency samples.</summary>
internal sealed class LoadRun
{
    private readonly ConcurrentDictionary<(string ClientId, long Seq), long[]> _editTimes = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _editsMade;
    private long _editsCommitted;
    private long _opsAcknowledged;
    private long _opsDelivered;
    private long _presenceEvents;
    private long _resyncs;

    /// <summary>Edits made in [WindowStart, WindowEnd) (Stopwatch ticks) count towards latency.</summary>
    public long WindowStart { get; set; } = long.MaxValue;

    public long WindowEnd { get; set; } = long.MaxValue;

    /// <summary>Local edit to another client applying the operation that contains it (sampled observers only).</summary>
    public LatencySamples Echo { get; } = new();

    /// <summary>Submit sent to its result received, per operation (every typist).</summary>
    public LatencySamples SubmitRoundTrip { get; } = new();

    /// <summary>How late the generator made edits against their Poisson schedule (its own health).</summary>
    public LatencySamples ScheduleLag { get; } = new();

    /// <summary>The <c>OpApplied</c> messages one lean client has decoded, for the others to reuse.</summary>
    public DecodedEvents Decoded { get; } = new();

    public long EditsMade => Interlocked.Read(ref _editsMade);

    public long EditsCommitted => Interlocked.Read(ref _editsCommitted);

    public long OpsAcknowledged => Interlocked.Read(ref _opsAcknowledged);

    public long OpsDelivered => Interlocked.Read(ref _opsDelivered);

    public long PresenceEvents => Interlocked.Read(ref _presenceEvents);

    public long Resyncs => Interlocked.Read(ref _resyncs);

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public static long Now => Stopwatch.GetTimestamp();

    public bool InWindow(long timestamp) => timestamp >= WindowStart && timestamp < WindowEnd;

    public void EditMade() => Interlocked.Increment(ref _editsMade);

    public void Sent(string clientId, long seq, long[] editTimes) => _editTimes[(clientId, seq)] = editTimes;

    public void Acknowledged(int edits)
    {
        Interlocked.Increment(ref _opsAcknowledged);
        Interlocked.Add(ref _editsCommitted, edits);
    }

    public void Delivered() => Interlocked.Increment(ref _opsDelivered);

    public void PresenceReceived() => Interlocked.Increment(ref _presenceEvents);

    public void ResyncReceived() => Interlocked.Increment(ref _resyncs);

    public void Error(string code) => _errors.AddOrUpdate(code, 1, static (_, n) => n + 1);

    /// <summary>An observer applied (clientId, seq) now: one echo sample per edit it contains.</summary>
    public void Observed(string clientId, long seq, long now)
    {
        if (!_editTimes.TryGetValue((clientId, seq), out var times))
        {
            return; // not a load-generator edit (or sent before the stage's bookkeeping started)
        }

        Span<long> samples = times.Length <= 512 ? stackalloc long[times.Length] : new long[times.Length];
        var n = 0;
        foreach (var t in times)
        {
            if (InWindow(t))
            {
                samples[n++] = now - t;
            }
        }

        if (n > 0)
        {
            Echo.AddRange(samples[..n]);
        }
    }
}
