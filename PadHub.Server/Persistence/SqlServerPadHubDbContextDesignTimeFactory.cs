using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PadHub.Server.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without starting the host. The connection string is a placeholder: adding a
/// migration or generating a script never connects.
/// </summary>
public sealed class SqlServerPadHubDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPadHubDbContext>
{
    public const string PlaceholderConnectionString = "Server=localhost;Database=PadHub;Integrated Security=true;TrustServerCertificate=true";

    public SqlServerPadHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPadHubDbContext>()
            .UseSqlServer(PlaceholderConnectionString)
            .Options);
}
