namespace PadHub.Server.Persistence;

/// <summary>Which database PadHub stores pads in, bound from the <c>Database</c> configuration section.</summary>
public sealed record DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The name under <c>ConnectionStrings</c> read when <see cref="Provider"/> is SQL Server.</summary>
    public const string ConnectionStringName = "PadHub";

    /// <summary>SQLite (the default: zero set-up) or SQL Server (needs <c>ConnectionStrings:PadHub</c>).</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is resolved against <c>PadHub:DataDirectory</c>.</summary>
    public string SqliteFile { get; init; } = "padhub.db";

    /// <summary>
    /// SQLite's <c>PRAGMA synchronous</c> (the database runs in WAL mode). <see cref="SqliteSynchronous.Full"/>, the
    /// default, fsyncs the WAL on every commit, so an acknowledged edit survives a power cut;
    /// <see cref="SqliteSynchronous.Normal"/> survives a process crash but may lose the last commits on a power cut.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>The absolute path of the SQLite file.</summary>
    public string GetSqlitePath(string dataDirectoryPath) => Path.GetFullPath(SqliteFile, dataDirectoryPath);
}
