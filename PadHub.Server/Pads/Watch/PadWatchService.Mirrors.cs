namespace PadHub.Server.Pads.Watch;

// One reference-counted mirror per pad: loaded by its first watch, kept MirrorLinger after its last one, then closed.
internal sealed partial class PadWatchService
{
    private async Task<PadMirror> AcquireMirrorAsync(string padId, CancellationToken cancellationToken)
    {
        PadMirror? mirror;
        var created = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_mirrors.TryGetValue(padId, out mirror))
            {
                mirror = new PadMirror(padId, authorities.GetAuthority(padId), fanout, _options, time, _logger);
                _mirrors[padId] = mirror;
                created = true;
            }

            mirror.References++;
            mirror.LingerTimer?.Dispose();
            mirror.LingerTimer = null;
        }

        if (created)
        {
            LogMirrorLoading(_logger, padId);
            mirror.Start();
        }

        try
        {
            await mirror.Loaded.WaitAsync(cancellationToken).ConfigureAwait(false);
            return mirror;
        }
        catch
        {
            ReleaseMirror(mirror);
            throw;
        }
    }

    /// <summary>A watch stopped: it no longer receives the mirror's notifications and lets go of it.</summary>
    internal void Detach(PadWatch watch)
    {
        watch.Mirror.RemoveWatcher(watch);
        ReleaseMirror(watch.Mirror);
    }

    private void ReleaseMirror(PadMirror mirror)
    {
        lock (_gate)
        {
            if (--mirror.References > 0)
            {
                return;
            }

            if (mirror.Loaded.IsCompletedSuccessfully && _options.MirrorLinger > TimeSpan.Zero && !_disposed)
            {
                mirror.LingerTimer = time.CreateTimer(_ => Unload(mirror), null, _options.MirrorLinger, Timeout.InfiniteTimeSpan);
                return;
            }

            RemoveMirrorLocked(mirror);
        }

        mirror.Close();
    }

    private void Unload(PadMirror mirror)
    {
        lock (_gate)
        {
            if (mirror.References > 0 || !RemoveMirrorLocked(mirror))
            {
                return; // Watched again meanwhile, or already gone.
            }

            mirror.LingerTimer?.Dispose();
            mirror.LingerTimer = null;
        }

        mirror.Close();
        LogMirrorUnloaded(_logger, mirror.PadId);
    }

    private bool RemoveMirrorLocked(PadMirror mirror)
    {
        if (_mirrors.TryGetValue(mirror.PadId, out var current) && current == mirror)
        {
            _mirrors.Remove(mirror.PadId);
            return true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad mirror {PadId}: loading for the live views")]
    private static partial void LogMirrorLoading(ILogger logger, string padId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad mirror {PadId}: unloaded, nobody watches it")]
    private static partial void LogMirrorUnloaded(ILogger logger, string padId);
}
