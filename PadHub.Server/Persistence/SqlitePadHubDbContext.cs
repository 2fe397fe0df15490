using Microsoft.EntityFrameworkCore;

namespace PadHub.Server.Persistence;

/// <summary>The SQLite schema; migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqlitePadHubDbContext(DbContextOptions<SqlitePadHubDbContext> options) : PadHubDbContext(options);
