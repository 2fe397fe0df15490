using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PadHub.Server.Persistence;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> on every connection EF opens: unlike <c>journal_mode=WAL</c>, which is stored in the
/// file, it is a per-connection setting, and the build's default must not decide PadHub's durability.
/// </summary>
internal sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    // One instance per mode: EF caches its internal service provider by options, so shared instances keep that cache small.
    public static SqliteSynchronousInterceptor Full { get; } = new("PRAGMA synchronous=FULL;");

    public static SqliteSynchronousInterceptor Normal { get; } = new("PRAGMA synchronous=NORMAL;");

    private readonly string _pragma;

    private SqliteSynchronousInterceptor(string pragma) => _pragma = pragma;

    public static SqliteSynchronousInterceptor For(SqliteSynchronous mode) => mode == SqliteSynchronous.Normal ? Normal : Full;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = _pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
