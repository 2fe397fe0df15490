using PadHub.Components.Contracts.Pads;
using PadHub.Server.Concurrency;

namespace PadHub.Server.Pads.Watch;

/// <summary>
/// One view's watch of a pad mirror. Notifications are latest-wins (<see cref="LatestValuePump{T}"/>): a publish while
/// the view's callback runs becomes ONE more call afterwards (which reads the latest <see cref="Current"/>), so a view is
/// never called concurrently, never more often than its mirror publishes (the one place that paces), and always
/// eventually sees the final state. The callback runs on the thread pool, so a slow or throwing view delays only itself.
/// </summary>
internal sealed partial class PadWatch(PadWatchService service, PadMirror mirror, WatchGrant grant, Func<ValueTask> onChanged, ILogger logger)
    : IPadWatch
{
    private readonly LatestValuePump<PadWatchSnapshot> _pump =
        new(mirror.Current, _ => onChanged(), ex => LogCallbackFailed(logger, mirror.PadId, ex));

    private PadWatchSnapshot? _frozen;
    private int _disposed;

    public PadMirror Mirror => mirror;

    public WatchGrant Grant => grant;

    /// <inheritdoc />
    /// <remarks>Once the watch is stopped (disposed, or its link revoked) this stays at the last state it had.</remarks>
    public PadWatchSnapshot Current => Volatile.Read(ref _frozen) ?? mirror.Current;

    /// <summary>True once the watch delivers nothing more.</summary>
    public bool Stopped => Volatile.Read(ref _frozen) is not null;

    /// <summary>The mirror published <paramref name="snapshot"/>: call the view (now, or once its running call returns).</summary>
    public void Signal(PadWatchSnapshot snapshot) => _pump.Post(snapshot);

    /// <summary>Delivers nothing more and lets go of the mirror (disposal, or the link was revoked).</summary>
    public void Stop()
    {
        _pump.Stop();
        if (Interlocked.CompareExchange(ref _frozen, mirror.Current, null) is null)
        {
            service.Detach(this);
        }
    }

    /// <summary>No callback starts after this returns; one already running is not waited for (it may be waiting for the
    /// very caller, e.g. a component's renderer).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Stop();
            await service.ReleaseGrantAsync(grant, this).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad {PadId}: a live view's change callback failed")]
    private static partial void LogCallbackFailed(ILogger logger, string padId, Exception exception);
}
