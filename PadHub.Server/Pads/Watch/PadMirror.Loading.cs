using PadHub.Core.Documents;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Fanout;

namespace PadHub.Server.Pads.Watch;

// Loading the head state from the authority, and applying committed operations to the gap buffer in revision order.
internal sealed partial class PadMirror
{
    private async Task LoadAsync()
    {
        while (true)
        {
            PadStateResult state;
            try
            {
                LoadCount++;
                state = await _authority.GetStateAsync(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The first load's failure goes to the first watchers; a reload's is retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (_loaded.TrySetException(ex))
                {
                    return;
                }

                LogReloadFailed(_logger, PadId, ex);
                await Task.Delay(_options.ReloadRetryDelay, _time).ConfigureAwait(false);
                if (Volatile.Read(ref _closed))
                {
                    return;
                }

                continue;
            }

            var first = !_loaded.Task.IsCompleted;
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _text = new GapBuffer(state.Text);
                _revision = state.Revision;
                _textDirty = true;
                _dirty = true;
                var pending = _pending!;
                _pending = null;
                foreach (var operation in pending)
                {
                    if (!ApplyLocked(operation))
                    {
                        _pending = [];
                        break;
                    }
                }

                if (_pending is not null)
                {
                    LogResync(_logger, PadId, _revision);
                    continue;
                }

                if (!first)
                {
                    ScheduleLocked();
                }
            }

            if (first)
            {
                Publish();
                _loaded.TrySetResult();
            }

            return;
        }
    }

    /// <returns>False when the operation does not follow the mirror's state (the mirror must reload).</returns>
    private bool ApplyLocked(CommittedOperation committed)
    {
        if (committed.Revision <= _revision)
        {
            return true; // Already in the state the mirror read (committed while it was loading).
        }

        var operation = committed.Operation;
        if (committed.Revision != _revision + 1 || operation.BaseLength != _text.Length)
        {
            return false;
        }

        _text.Apply(operation);
        _revision = committed.Revision;
        _textDirty = true;
        _dirty = true;

        NoteEditLocked(committed.AuthorId);
        return true;
    }

    private void BeginReloadLocked(int revision)
    {
        LogResync(_logger, PadId, revision);
        _pending = [];
        _ = Task.Run(LoadAsync);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad mirror {PadId}: revisions out of step at {Revision}; reloading from the authority")]
    private static partial void LogResync(ILogger logger, string padId, int revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad mirror {PadId}: reloading failed; retrying")]
    private static partial void LogReloadFailed(ILogger logger, string padId, Exception exception);
}
