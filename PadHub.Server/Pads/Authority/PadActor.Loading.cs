using PadHub.Core.Documents;

namespace PadHub.Server.Pads.Authority;

// Loading the pad into memory and serving reads from it.
internal sealed partial class PadActor
{
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pad {PadId} loaded at revision {Revision} ({Replayed} revisions replayed after the snapshot)")]
    private static partial void LogLoaded(ILogger logger, string padId, int revision, int replayed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pad {PadId} could not be loaded")]
    private static partial void LogLoadFailed(ILogger logger, string padId, Exception exception);
}
