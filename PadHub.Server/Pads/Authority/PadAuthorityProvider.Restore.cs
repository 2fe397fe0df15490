using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;

namespace PadHub.Server.Pads.Authority;

// Restoring a past revision: planned from the store outside the pad's commit loop, committed through it.
internal sealed partial class PadAuthorityProvider
{
    // A restore the head outran (a crowded pad, its rebase over the newer revisions past MaxRebaseWork) is planned again
    // from the newer head, a few times at most.
    private const int RestoreAttempts = 3;

    // Composing the revisions since the restored one is the costly part of a restore: one at a time per server, so that
    // restores never take more than one core from the commit loops, and each bounded by MaxRestoreWork.
    private readonly SemaphoreSlim _restorePlans = new(1, 1);
    private readonly long _maxRestoreWork = limits.Value.MaxRestoreWork;

    internal async Task<int> RestoreAsync(string padId, PadRestoreCommand command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (head, operation) = await PlanRestoreAsync(padId, command, cancellationToken).ConfigureAwait(false);
            if (operation.IsNoop)
            {
                return head;
            }

            var submit = new PadSubmitCommand(command.AuthorId, PadActor.RestoreClientId, 0, head, operation) { WriteAccess = command.WriteAccess };
            try
            {
                var result = await PostAsync<PadSubmitResult>(padId, c => new RestoreWork(submit, c), cancellationToken).ConfigureAwait(false);
                return result.Revision;
            }
            catch (PadException ex) when (ex.Code == PadErrorCodes.StaleRevision && attempt < RestoreAttempts)
            {
                LogRestoreReplanned(_logger, padId, head);
            }
        }
    }

    /// <summary>The written head H and the operation that restores the command's revision (or passage) on it.</summary>
    private async Task<(int Head, TextOperation Operation)> PlanRestoreAsync(string padId, PadRestoreCommand command, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(padId, cancellationToken).ConfigureAwait(false);
        CheckRevision(command.Revision, head, "revision");
        var past = await RebuildAsync(padId, command.Revision, cancellationToken).ConfigureAwait(false);
        CheckPassage(command, past.Text);

        // Every composition walks at least two components: a distance that cannot fit is refused before anything is read.
        if (2L * (head - command.Revision) > _maxRestoreWork)
        {
            throw TooMuchWork(command.Revision, head);
        }

        await _restorePlans.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var chain = new OperationChain(past.Text.Length, _maxRestoreWork);
            for (var from = command.Revision; from < head;)
            {
                var count = Math.Min(PadHistoryPage.MaxOperations, head - from);
                var page = await ReadPageAsync(padId, from, count, full: count == PadHistoryPage.MaxOperations, cancellationToken).ConfigureAwait(false);
                if (page.Length != count)
                {
                    throw new InvalidOperationException($"Pad {padId}: the store returned {page.Length} of the {count} revisions after {from}.");
                }

                foreach (var committed in page)
                {
                    chain.Append(committed.Operation);
                }

                from += count;
            }

            var since = chain.Compose();
            var operation = command.PassageFrom is { } passageFrom
                ? RevisionRestore.Passage(since, past.Text, passageFrom, command.PassageTo!.Value)
                : RevisionRestore.Whole(since, past.Text);
            return (head, operation);
        }
        catch (OperationTooLargeException)
        {
            throw TooMuchWork(command.Revision, head);
        }
        finally
        {
            _restorePlans.Release();
        }
    }

    private static void CheckPassage(PadRestoreCommand command, string text)
    {
        if (command.PassageFrom is not { } from || command.PassageTo is not { } to)
        {
            if (command.PassageFrom is not null || command.PassageTo is not null)
            {
                throw new PadException(PadErrorCodes.InvalidOp, "from and to go together: give both (a passage) or neither (the whole revision).");
            }

            return;
        }

        if (from < 0 || to > text.Length || from >= to)
        {
            throw new PadException(PadErrorCodes.InvalidOp,
                $"The passage [{from}, {to}) is not a non-empty part of revision {command.Revision}'s text, which has {text.Length} code units.");
        }

        if (SplitsPair(text, from) || SplitsPair(text, to))
        {
            throw new PadException(PadErrorCodes.InvalidOp, $"The passage [{from}, {to}) splits a surrogate pair of revision {command.Revision}'s text.");
        }
    }

    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    private PadException TooMuchWork(int revision, int head) =>
        new(PadErrorCodes.TooLarge,
            $"Restoring revision {revision} means composing the {head - revision} revisions since, more work than a restore may cost "
            + $"(PadHub:Limits:MaxRestoreWork, {_maxRestoreWork} components); restore a later revision.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pad {PadId}: a restore planned at revision {Head} was outrun by newer revisions; planning it again")]
    private static partial void LogRestoreReplanned(ILogger logger, string padId, int head);
}
