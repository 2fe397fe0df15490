using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PadHub.Server.Hosting;

namespace PadHub.Server.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers PadHub's storage: <see cref="DatabaseOptions"/> (validated at start), a pooled context factory per
    /// provider, <c>IDbContextFactory&lt;PadHubDbContext&gt;</c> for the configured one, <see cref="IPadStore"/>,
    /// <see cref="ISessionStore"/>, <see cref="IQuestionStore"/> and the start-up migration.
    /// </summary>
    /// <remarks>
    /// Nothing here reads configuration eagerly: the provider, the file and the connection string are read when the
    /// first context is built, so configuration added after this call (e.g. by tests) still applies.
    /// </remarks>
    public static IServiceCollection AddPadHubPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.Provider), $"{DatabaseOptions.SectionName}:Provider must be Sqlite or SqlServer.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqliteFile), $"{DatabaseOptions.SectionName}:SqliteFile must not be empty.")
            .Validate(
                o => o.Provider != DatabaseProvider.SqlServer
                    || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)),
                $"{DatabaseOptions.SectionName}:Provider is SqlServer but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.")
            .ValidateOnStart();

        services.AddPooledDbContextFactory<SqlitePadHubDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataDirectory = sp.GetRequiredService<IOptions<PadHubOptions>>().Value
                .GetDataDirectoryPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = database.GetSqlitePath(dataDirectory),
                Pooling = true,
            }.ToString();
            options.UseSqlite(connectionString)
                .AddInterceptors(SqliteSynchronousInterceptor.For(database.SqliteSynchronous));
        });
        services.AddPooledDbContextFactory<SqlServerPadHubDbContext>((sp, options) =>
            options.UseSqlServer(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)));

        services.TryAddSingleton<IDbContextFactory<PadHubDbContext>>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.SqlServer => new PadHubDbContextFactory<SqlServerPadHubDbContext>(
                    sp.GetRequiredService<IDbContextFactory<SqlServerPadHubDbContext>>()),
                _ => new PadHubDbContextFactory<SqlitePadHubDbContext>(
                    sp.GetRequiredService<IDbContextFactory<SqlitePadHubDbContext>>()),
            });

        services.TryAddSingleton<IPadStore, EfPadStore>();
        services.TryAddSingleton<ISessionStore, EfSessionStore>();
        services.TryAddSingleton<IQuestionStore, EfQuestionStore>();
        services.TryAddSingleton<ICommentStore, EfCommentStore>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}
