using System.Threading.Channels;
using PadHub.Core.Documents;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Authority;

/// <summary>
/// The single serial committer of one pad: a mailbox drained by one loop, so there is no lock and no global lock.
/// Submissions that arrive together are committed in memory one by one and written in ONE transaction (group commit).
/// Only a written batch is fanned out; with <see cref="PadAuthorityOptions.FanOutBeforeDurable"/> it is fanned out as
/// soon as it is written and the fsync runs on a second loop while the first goes on committing, and a submitter is
/// acknowledged once its batch is durable: an acknowledged edit is always durable.
/// <para>By concern: the mailbox and its loop here; loading and reads in <c>PadActor.Loading.cs</c>; committing in
/// <c>PadActor.Commit.cs</c>; restores and names in <c>PadActor.Writes.cs</c>; writing, fan-out, acknowledgement and snapshots in <c>PadActor.Durability.cs</c>.</para>
/// <para>Invariants:</para>
/// <list type="bullet">
/// <item>Only the loop (<see cref="RunAsync"/>) touches the document, the pending batch and the revisions below; the sync
/// loop touches only the acknowledgements handed to it.</item>
/// <item>The document is null until loaded, and again after a failed write (memory is dropped, the next request reloads
/// it from the store); while loaded, <c>_snapshotRevision &lt;= _durableRevision &lt;= document revision</c>, and the
/// revisions above <c>_durableRevision</c> (the written head) are exactly the pending batch.</item>
/// <item>Nothing is fanned out before it is written, and no submitter is acknowledged before its revision is durable
/// (written, and with <see cref="PadAuthorityOptions.FanOutBeforeDurable"/> also synced).</item>
/// <item>Work is served in arrival order; a state read or a settle writes the pending batch first, so a read sees only
/// written state and a settle completes with nothing queued before it still pending; a head read answers the written
/// head as it stands.</item>
/// <item>At most one actor per pad loads at a time: a successor waits for its predecessor's close (last batch and final
/// snapshot) before loading.</item>
/// </list>
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
                else if (work is RestoreWork restore)
                {
                    await RestoreAsync(restore).ConfigureAwait(false);
                }
                else if (work is NameWork name)
                {
                    await NameAsync(name).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad {PadId}: its previous actor is still closing; this one waits for it before loading")]
    private static partial void LogWaitingForPredecessor(ILogger logger, string padId);
}
