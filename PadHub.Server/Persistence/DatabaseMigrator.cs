using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PadHub.Server.Persistence;

/// <summary>
/// Brings the database to the latest migration before the server takes requests. It runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, which completes before any hosted service starts (the web
/// server included), so no request ever meets an old schema. SQLite is switched to WAL here, once: the journal mode is
/// stored in the file.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IDbContextFactory<PadHubDbContext> contextFactory,
    ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await PrepareSqliteAsync(db, cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, db.Database.ProviderName ?? "?", pending.Count, pending.Count == 0 ? "-" : pending[^1]);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareSqliteAsync(PadHubDbContext db, CancellationToken cancellationToken)
    {
        var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // journal_mode cannot change inside a transaction, so it runs on its own, before the migrations.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            string? journalMode;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode=WAL;";
                journalMode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            string? synchronous;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA synchronous;";
                synchronous = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            LogSqlite(logger, path, journalMode ?? "?", synchronous switch { "2" => "FULL", "1" => "NORMAL", "0" => "OFF", "3" => "EXTRA", _ => synchronous ?? "?" });
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite database {Path}: journal_mode={JournalMode}, synchronous={Synchronous}")]
    private static partial void LogSqlite(ILogger logger, string path, string journalMode, string synchronous);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date: applied {Count} migration(s), latest {Latest}")]
    private static partial void LogMigrated(ILogger logger, string provider, int count, string latest);
}
