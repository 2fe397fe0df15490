using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PadHub.Server.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the host. No file is opened by <c>migrations add</c>.</summary>
public sealed class SqlitePadHubDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePadHubDbContext>
{
    public SqlitePadHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePadHubDbContext>()
            .UseSqlite("Data Source=padhub-design-time.db")
            .Options);
}
