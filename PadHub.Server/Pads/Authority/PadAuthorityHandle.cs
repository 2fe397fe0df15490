using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Authority;

/// <summary>What callers hold: the authority of one pad, routed to its live actor on every call.</summary>
internal sealed class PadAuthorityHandle(PadAuthorityProvider provider, string padId) : IPadAuthority
{
    public Task<PadStateResult> GetStateAsync(CancellationToken cancellationToken = default) =>
        provider.PostAsync<PadStateResult>(padId, c => new StateWork(c), cancellationToken);

    public Task<PadSubmitResult> SubmitAsync(PadSubmitCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return provider.PostAsync<PadSubmitResult>(padId, c => new SubmitWork(command, c), cancellationToken);
    }

    public Task<int?> SettleAsync(CancellationToken cancellationToken = default) => provider.SettleAsync(padId, cancellationToken);

    public Task<PadHistoryResult> GetHistoryAsync(int fromRevision, int maxCount, CancellationToken cancellationToken = default) =>
        provider.ReadHistoryAsync(padId, fromRevision, maxCount, cancellationToken);

    public Task<PadRevision> GetRevisionAsync(int revision, CancellationToken cancellationToken = default) =>
        provider.ReadRevisionAsync(padId, revision, cancellationToken);

    public Task<PadDiff> GetDiffAsync(int fromRevision, int toRevision, CancellationToken cancellationToken = default) =>
        provider.ReadDiffAsync(padId, fromRevision, toRevision, cancellationToken);

    public Task<PadNamedRevision> NameRevisionAsync(
        int revision, string name, string authorId, Func<PadAccessState>? writeAccess = null, CancellationToken cancellationToken = default) =>
        provider.NameRevisionAsync(padId, revision, name, authorId, writeAccess, cancellationToken);

    public Task<int> RestoreRevisionAsync(PadRestoreCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return provider.RestoreAsync(padId, command, cancellationToken);
    }

    public Task<IReadOnlyList<PadNamedRevision>> GetNamedRevisionsAsync(CancellationToken cancellationToken = default) =>
        provider.ReadNamedRevisionsAsync(padId, cancellationToken);
}
