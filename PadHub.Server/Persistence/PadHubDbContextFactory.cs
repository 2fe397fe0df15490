using Microsoft.EntityFrameworkCore;

namespace PadHub.Server.Persistence;

/// <summary>Hands out the configured provider's derived context as the base <see cref="PadHubDbContext"/>.</summary>
internal sealed class PadHubDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PadHubDbContext>
    where TContext : PadHubDbContext
{
    public PadHubDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PadHubDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
