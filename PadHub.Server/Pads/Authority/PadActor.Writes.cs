using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Authority;

// Restores and names: writes that, like a submit, must be ordered with a lock settled through this loop.
internal sealed partial class PadActor
{
    /// <summary>The client id every restore of a pad commits under: not a valid client's id (too short, '~'), so no one submits as it.</summary>
    internal const string RestoreClientId = "padhub~restore";

    private async Task RestoreAsync(RestoreWork work)
    {
        if (!await EnsureLoadedAsync(work).ConfigureAwait(false))
        {
            return;
        }

        // The seq of a restore is the revision it produces: unique and increasing under the one restore client id, so
        // the exactly-once machinery treats each restore as a new operation.
        var command = work.Command with { ClientId = RestoreClientId, Seq = _document!.Revision + 1 };
        await SubmitAsync(new SubmitWork(command, work.Completion)).ConfigureAwait(false);
    }

    private async Task NameAsync(NameWork work)
    {
        if (!await EnsureLoadedAsync(work).ConfigureAwait(false))
        {
            return;
        }

        if (work.WriteAccess?.Invoke() is { CanWrite: false } access)
        {
            work.Fail(new PadException(PadErrorCodes.Forbidden, access.Reason ?? "This link does not allow editing now."));
            return;
        }

        try
        {
            PadAuthorityProvider.CheckRevision(work.Named.Revision, _durableRevision, "revision");
            var named = await _store.NameRevisionAsync(_padId, work.Named, PadNamedRevision.MaxPerPad).ConfigureAwait(false);
            work.Completion.TrySetResult(named);
        }
#pragma warning disable CA1031 // A refusal or a storage failure fails this request only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            work.Fail(ex);
        }
    }
}
