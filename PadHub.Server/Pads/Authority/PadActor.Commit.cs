using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Authority;

// Committing a submission in memory, in the pad's serial order, and answering resends of old ones.
internal sealed partial class PadActor
{
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
}
