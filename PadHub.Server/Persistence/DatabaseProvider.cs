namespace PadHub.Server.Persistence;

/// <summary>The database engine.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
