namespace PadHub.Server.Persistence;

/// <summary>
/// Column sizes of the store. SQL Server enforces them and SQLite does not, so <see cref="EfPadStore"/> checks them
/// itself and both providers refuse the same input; callers (hub, API) should validate against them first.
/// </summary>
public static class StoreLimits
{
    public const int MaxPadIdLength = 64;

    public const int MaxAuthorIdLength = 64;

    public const int MaxClientIdLength = 128;

    public const int MaxDisplayNameLength = 200;

    public const int MaxColorLength = 32;

    public const int MaxTitleLength = 200;

    public const int MaxRoleLength = 32;

    /// <summary>SHA-256 output.</summary>
    public const int TokenHashLength = 32;
}
