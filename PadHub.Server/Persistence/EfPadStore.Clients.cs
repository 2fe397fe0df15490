using Microsoft.EntityFrameworkCore;

namespace PadHub.Server.Persistence;

public sealed partial class EfPadStore
{
    // The (PadId, ClientId, Seq) unique index answers it without reading a row.
    private static readonly Func<PadHubDbContext, string, string, Task<bool>> ClientCommitted =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId, string clientId) =>
            db.Revisions.Any(r => r.PadId == padId && r.ClientId == clientId));

    public async Task<bool> HasClientAsync(string padId, string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        ArgumentNullException.ThrowIfNull(clientId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ClientCommitted(db, padId, clientId);
    }
}
