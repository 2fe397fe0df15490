using Microsoft.EntityFrameworkCore;

namespace PadHub.Server.Persistence;

/// <summary>The SQL Server schema; migrations in <c>Persistence/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerPadHubDbContext(DbContextOptions<SqlServerPadHubDbContext> options) : PadHubDbContext(options);
