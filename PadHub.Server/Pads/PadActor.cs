using System.Threading.Channels;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads;

/// <summary>
/// The single serial committer of one pad: a mailbox drained by one loop, so there is no lock and no global lock.
/// Submissions that arrive together are committed in memory one by one and written in ONE transaction (group commit).
/// Only a written batch is fanned out; with <see cref="PadAuthorityOptions.FanOutBeforeDurable"/> it is fanned out as
/// soon as it is written and the fsync runs on a second loop while the first goes on committing, and a submitter is
/// acknowledged once its batch is durable: an acknowledged edit is always durable.
/// </summary>
internal sealed partial class PadActor
{
    private readonly Channel<PadWork> _inbox = Channel.CreateUnbounded<PadWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<StoredRevision> _pendingRevisions = [];
    private readonly List<(TaskCompletionSource<PadSubmitResult> Completion, PadSubmitResult Result)> _pendingAcks = [];
    private readonly string _padId;
    private readonly IPadStore _store;
    private readonly IPadCommitObserver _observer;
    private readonly PadAuthorityOptions _options;
    private readonly PadDocumentOptions _documentOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private readonly Channel<List<(TaskCompletionSource<PadSubmitResult> Completion, PadSubmitResult Result)>> _unsynced =
        Channel.CreateUnbounded<List<(TaskCompletionSource<PadSubmitResult>, PadSubmitResult)>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _syncLoop;
    private readonly Task _predecessor;
    private readonly Lazy<Task> _close;
    private PadDocument? _document;
    private int _durableRevision;
    private int _snapshotRevision;
    private long _lastActivity;

    public PadActor(
        string padId,
        IPadStore store,
        IPadCommitObserver observer,
        PadAuthorityOptions options,
        PadDocumentOptions documentOptions,
        TimeProvider time,
        ILogger logger,
        Task? predecessor = null)
    {
        _padId = padId;
        _predecessor = predecessor ?? Task.CompletedTask;
        _close = new Lazy<Task>(CloseCoreAsync);
        _store = store;
        _observer = observer;
        _options = options;
        _documentOptions = documentOptions;
        _time = time;
        _logger = logger;
        _lastActivity = time.GetTimestamp();
        _loop = Task.Run(RunAsync);
        _syncLoop = options.FanOutBeforeDurable ? Task.Run(SyncLoopAsync) : Task.CompletedTask;
    }

    public string PadId => _padId;

    /// <summary>Time since the last request, for idle unloading.</summary>
    public TimeSpan IdleFor => _time.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>Queues work; false once the actor is closing (the caller then asks a fresh actor).</summary>
    public bool TryPost(PadWork work)
    {
        Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
        return _inbox.Writer.TryWrite(work);
    }

    /// <summary>Stops taking work, finishes what is queued, writes a final snapshot (the same task for every caller).</summary>
    public Task CloseAsync() => _close.Value;

    private async Task CloseCoreAsync()
    {
        _inbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _unsynced.Writer.TryComplete();
        await _syncLoop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        // The previous actor of this pad may still be committing its last batch or writing its closing snapshot: loading
        // before it is done would start from a state it is about to change.
        if (!_predecessor.IsCompleted)
        {
            LogWaitingForPredecessor(_logger, _padId);
            await _predecessor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var taken = 0;
            while (taken < _options.MaxBatch && reader.TryRead(out var work))
            {
                taken++;
                if (work is SubmitWork submit)
                {
                    await SubmitAsync(submit).ConfigureAwait(false);
                }
                else if (work is SettleWork settle)
                {
                    // Everything queued before it is committed (or refused) in memory: write it, then answer.
                    await FlushAsync().ConfigureAwait(false);
                    settle.Completion.TrySetResult(_document?.Revision);
                }
                else
                {
                    // Reads see only durable state: flush what is committed in memory first. The head of history is
                    // the written revision as it stands; the history itself is read from the store, off this loop.
                    if (work is not HeadWork)
                    {
                        await FlushAsync().ConfigureAwait(false);
                    }

                    await ServeAsync(work).ConfigureAwait(false);
                }
            }

            await FlushAsync().ConfigureAwait(false);
        }

        await WriteSnapshotAsync(force: true).ConfigureAwait(false);
    }

    private async Task<bool> EnsureLoadedAsync(PadWork work)
    {
        if (_document is not null)
        {
            return true;
        }

        try
        {
            var stored = await _store.LoadAsync(_padId).ConfigureAwait(false);
            if (stored is null)
            {
                work.Fail(PadErrors.PadNotFound(_padId));
                return false;
            }

            var document = PadDocument.FromSnapshot(stored.Snapshot, _documentOptions);
            foreach (var revision in stored.Revisions)
            {
                document.Replay(revision.Operation);
            }

            _document = document;
            _durableRevision = document.Revision;
            _snapshotRevision = stored.Snapshot.Revision;
            LogLoaded(_logger, _padId, document.Revision, stored.Revisions.Count);
            return true;
        }
#pragma warning disable CA1031 // Any storage failure fails this request only; the pad reloads on the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogLoadFailed(_logger, _padId, ex);
            work.Fail(ex);
            return false;
        }
    }

    private async Task SubmitAsync(SubmitWork work)
    {
        if (!await EnsureLoadedAsync(work).ConfigureAwait(false))
        {
            return;
        }

        var command = work.Command;

        // Checked here, in the pad's serial order, so that a lock settled through this loop (SettleWork) is never
        // overtaken by a submission that passed its connection's check just before the lock.
        if (command.WriteAccess?.Invoke() is { CanWrite: false } access)
        {
            work.Fail(new PadException(PadErrorCodes.Forbidden, access.Reason ?? "This link does not allow editing now."));
            return;
        }

        CommitResult result;
        try
        {
            result = _document!.Commit(command.BaseRevision, command.Operation, command.AuthorId, command.ClientId, command.Seq);
        }
        catch (Exception ex) when (ex is SequenceTooOldException or RevisionTooOldException)
        {
            // A resend of an operation committed before what memory holds (e.g. before the snapshot this process loaded):
            // the store knows whether (client id, seq) was committed.
            await CompleteOldDuplicateAsync(work, (OtException)ex).ConfigureAwait(false);
            return;
        }
        catch (OtException ex)
        {
            work.Completion.TrySetException(PadErrors.From(ex));
            return;
        }

        var submitResult = new PadSubmitResult(result.Revision, result.Applied, result.Duplicate);
        if (result.Duplicate && result.Revision <= _durableRevision && !_options.FanOutBeforeDurable)
        {
            work.Completion.TrySetResult(submitResult);
            return;
        }

        if (!result.Duplicate)
        {
            _pendingRevisions.Add(new StoredRevision(
                new CommittedOperation(result.Revision, result.Applied, command.AuthorId, command.ClientId, command.Seq),
                _time.GetUtcNow()));
        }

        // A duplicate of an operation still in this batch is acknowledged with it, once durable.
        _pendingAcks.Add((work.Completion, submitResult));
    }

    private async Task CompleteOldDuplicateAsync(SubmitWork work, OtException error)
    {
        try
        {
            await FlushAsync().ConfigureAwait(false);
            var command = work.Command;
            var revision = await _store.FindRevisionAsync(_padId, command.ClientId, command.Seq).ConfigureAwait(false);
            if (revision is not { } found)
            {
                work.Fail(PadErrors.From(error));
                return;
            }

            var stored = await _store.GetRevisionsAsync(_padId, found - 1, 1).ConfigureAwait(false);
            work.Completion.TrySetResult(new PadSubmitResult(found, stored[0].Operation.Operation, Duplicate: true));
        }
#pragma warning disable CA1031 // A storage failure fails this request only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            work.Fail(ex);
        }
    }

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

    private async Task ServeAsync(PadWork work)
    {
        if (!await EnsureLoadedAsync(work).ConfigureAwait(false))
        {
            return;
        }

        var document = _document!;
        switch (work)
        {
            case StateWork state:
                state.Completion.TrySetResult(new PadStateResult(_padId, document.Revision, document.GetText(), document.GetAuthorship()));
                break;
            case HeadWork head:
                head.Completion.TrySetResult(_durableRevision);
                break;
            default:
                throw new InvalidOperationException($"Unknown work {work.GetType().Name}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad {PadId}: its previous actor is still closing; this one waits for it before loading")]
    private static partial void LogWaitingForPredecessor(ILogger logger, string padId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pad {PadId} loaded at revision {Revision} ({Replayed} revisions replayed after the snapshot)")]
    private static partial void LogLoaded(ILogger logger, string padId, int revision, int replayed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pad {PadId} could not be loaded")]
    private static partial void LogLoadFailed(ILogger logger, string padId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pad {PadId}: writing {Count} revisions failed; the batch was refused and the pad will reload")]
    private static partial void LogFlushFailed(ILogger logger, string padId, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pad {PadId}: syncing the store failed; {Count} submissions were not acknowledged")]
    private static partial void LogSyncFailed(ILogger logger, string padId, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad {PadId}: snapshot at revision {Revision} failed")]
    private static partial void LogSnapshotFailed(ILogger logger, string padId, int revision, Exception exception);
}

/// <summary>A request queued to a <see cref="PadActor"/>.</summary>
internal abstract record PadWork
{
    public abstract void Fail(Exception exception);
}

internal sealed record SubmitWork(PadSubmitCommand Command, TaskCompletionSource<PadSubmitResult> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}

internal sealed record StateWork(TaskCompletionSource<PadStateResult> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}

/// <summary>A barrier: completes when everything queued before it is committed or refused; null when nothing was loaded.</summary>
internal sealed record SettleWork(TaskCompletionSource<int?> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}

/// <summary>Asks for the pad's written head revision: the end of the history readable from the store.</summary>
internal sealed record HeadWork(TaskCompletionSource<int> Completion) : PadWork
{
    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
