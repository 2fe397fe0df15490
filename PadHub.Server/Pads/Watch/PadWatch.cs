using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Watch;

/// <summary>
/// One view's watch of a pad mirror. Notifications are coalesced: a signal while the view's callback runs becomes ONE
/// more call afterwards (which reads the latest <see cref="Current"/>), so a view is never called concurrently, never
/// more often than its mirror publishes (at most ~10 times a second), and always eventually sees the final state. The
/// callback runs on the thread pool, so a slow or throwing view delays only itself.
/// </summary>
internal sealed partial class PadWatch(PadWatchService service, PadMirror mirror, WatchGrant grant, Func<ValueTask> onChanged, ILogger logger)
    : IPadWatch
{
    private PadWatchSnapshot? _frozen;
    private int _pending;
    private int _running;
    private int _disposed;

    public PadMirror Mirror => mirror;

    public WatchGrant Grant => grant;

    /// <inheritdoc />
    /// <remarks>Once the watch is stopped (disposed, or its link revoked) this stays at the last state it had.</remarks>
    public PadWatchSnapshot Current => Volatile.Read(ref _frozen) ?? mirror.Current;

    /// <summary>True once the watch delivers nothing more.</summary>
    public bool Stopped => Volatile.Read(ref _frozen) is not null;

    /// <summary>The mirror published: call the view (now, or once its running call returns).</summary>
    public void Signal()
    {
        if (Stopped)
        {
            return;
        }

        Volatile.Write(ref _pending, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync);
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            while (Interlocked.Exchange(ref _pending, 0) == 1 && !Stopped)
            {
                try
                {
                    await onChanged().ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A view failing (its circuit going away) must not stop its notifications nor anyone else's.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogCallbackFailed(logger, mirror.PadId, ex);
                }
            }

            Volatile.Write(ref _running, 0);

            // A signal that arrived between the last exchange and releasing the loop must not be lost.
            if (Volatile.Read(ref _pending) == 0 || Stopped || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>Delivers nothing more and lets go of the mirror (disposal, or the link was revoked).</summary>
    public void Stop()
    {
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
