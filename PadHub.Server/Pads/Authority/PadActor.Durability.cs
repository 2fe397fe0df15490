namespace PadHub.Server.Pads.Authority;

// Writing committed batches, fanning them out, acknowledging them once durable (group fsync), and snapshots.
internal sealed partial class PadActor
{
    private async Task FlushAsync()
    {
        if (_pendingAcks.Count == 0)
        {
            return;
        }

        var committed = _pendingRevisions.Count == 0 ? [] : _pendingRevisions.Select(r => r.Operation).ToArray();
        var deferSync = _options.FanOutBeforeDurable;
        try
        {
            if (_pendingRevisions.Count > 0)
            {
                var batch = _pendingRevisions.ToArray();
                await (deferSync
                    ? _store.AppendRevisionsUnsyncedAsync(_padId, batch)
                    : _store.AppendRevisionsAsync(_padId, batch)).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The batch fails as a whole; memory is dropped and reloaded from the store.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFlushFailed(_logger, _padId, _pendingRevisions.Count, ex);
            foreach (var (completion, _) in _pendingAcks)
            {
                completion.TrySetException(ex);
            }

            _pendingAcks.Clear();
            _pendingRevisions.Clear();
            _document = null;
            return;
        }

        // Written (and, without deferSync, durable): nothing fanned out from here on can be lost by a crash of this
        // process, so no client ever sees a revision that a restart would hand out again with other content.
        _durableRevision = _document!.Revision;
        if (committed.Length > 0)
        {
            _observer.OnCommitted(_padId, committed);
        }

        if (deferSync)
        {
            // The sync loop acknowledges them after the next fsync, which covers this write.
            _unsynced.Writer.TryWrite([.. _pendingAcks]);
        }
        else
        {
            foreach (var (completion, result) in _pendingAcks)
            {
                completion.TrySetResult(result);
            }
        }

        _pendingAcks.Clear();
        _pendingRevisions.Clear();
        await WriteSnapshotAsync(force: false).ConfigureAwait(false);
    }

    /// <summary>
    /// Group fsync: takes every written batch waiting for durability, syncs the store once, acknowledges them all. The
    /// commit loop keeps committing, writing and fanning out meanwhile; the next fsync covers what it wrote.
    /// </summary>
    private async Task SyncLoopAsync()
    {
        var reader = _unsynced.Reader;
        var acks = new List<(TaskCompletionSource<PadSubmitResult> Completion, PadSubmitResult Result)>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            acks.Clear();
            while (reader.TryRead(out var batch))
            {
                acks.AddRange(batch);
            }

            try
            {
                await _store.SyncAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed fsync fails the acknowledgements it owed; the submitters resend (same seq).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSyncFailed(_logger, _padId, acks.Count, ex);
                foreach (var (completion, _) in acks)
                {
                    completion.TrySetException(ex);
                }

                continue;
            }

            foreach (var (completion, result) in acks)
            {
                completion.TrySetResult(result);
            }
        }
    }

    private async Task WriteSnapshotAsync(bool force)
    {
        if (_document is null || _durableRevision == _snapshotRevision
            || (!force && _durableRevision - _snapshotRevision < _options.SnapshotInterval))
        {
            return;
        }

        try
        {
            await _store.SaveSnapshotAsync(_padId, _document.CreateSnapshot()).ConfigureAwait(false);
            _snapshotRevision = _durableRevision;
        }
#pragma warning disable CA1031 // Snapshots only shorten loading: a failed one is retried at the next interval.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSnapshotFailed(_logger, _padId, _durableRevision, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pad {PadId}: writing {Count} revisions failed; the batch was refused and the pad will reload")]
    private static partial void LogFlushFailed(ILogger logger, string padId, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pad {PadId}: syncing the store failed; {Count} submissions were not acknowledged")]
    private static partial void LogSyncFailed(ILogger logger, string padId, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad {PadId}: snapshot at revision {Revision} failed")]
    private static partial void LogSnapshotFailed(ILogger logger, string padId, int revision, Exception exception);
}
