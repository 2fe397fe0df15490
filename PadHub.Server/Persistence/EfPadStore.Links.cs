using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Persistence;

public sealed partial class EfPadStore
{
    public async Task<string?> ReplaceTokenAsync(string padId, PadRole role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // A stand-alone pad is born with its links; a session's pad has none (its links are the session's).
        var tokens = await db.AccessTokens.Where(t => t.PadId == padId).ToListAsync(cancellationToken);
        if (tokens.Count == 0)
        {
            return null;
        }

        var stored = RoleColumns.From(role);
        foreach (var old in tokens.Where(t => t.Role == stored && t.RevokedAt is null))
        {
            old.RevokedAt = now;
        }

        var token = PadTokens.Create();
        db.AccessTokens.Add(NewToken(padId, token, role, now));
        await db.SaveChangesAsync(cancellationToken);
        LogLinkReplaced(logger, padId, role);
        return token;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pad {PadId}: its {Role} link was replaced; the old one is revoked")]
    private static partial void LogLinkReplaced(ILogger logger, string padId, PadRole role);
}
