using Microsoft.EntityFrameworkCore;
using PadHub.Server.Persistence.Configurations;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

/// <summary>
/// The PadHub schema, shared by every provider. Each provider has its own derived context
/// (<see cref="SqlitePadHubDbContext"/>, <see cref="SqlServerPadHubDbContext"/>) with its own migration set: one context
/// with migrations for two providers does not work (the second <c>migrations add</c> reuses the first one's snapshot).
/// Code uses this base type through <c>IDbContextFactory&lt;PadHubDbContext&gt;</c>.
/// </summary>
public abstract class PadHubDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<PadEntity> Pads => Set<PadEntity>();

    public DbSet<RevisionEntity> Revisions => Set<RevisionEntity>();

    public DbSet<SnapshotEntity> Snapshots => Set<SnapshotEntity>();

    public DbSet<NamedRevisionEntity> NamedRevisions => Set<NamedRevisionEntity>();

    public DbSet<AuthorEntity> Authors => Set<AuthorEntity>();

    public DbSet<AccessTokenEntity> AccessTokens => Set<AccessTokenEntity>();

    public DbSet<SessionEntity> Sessions => Set<SessionEntity>();

    public DbSet<SessionGroupEntity> SessionGroups => Set<SessionGroupEntity>();

    public DbSet<SessionTokenEntity> SessionTokens => Set<SessionTokenEntity>();

    public DbSet<AnnouncementEntity> Announcements => Set<AnnouncementEntity>();

    public DbSet<QuestionEntity> Questions => Set<QuestionEntity>();

    public DbSet<QuestionVoteEntity> QuestionVotes => Set<QuestionVoteEntity>();

    public DbSet<QuestionSettingsEntity> QuestionSettings => Set<QuestionSettingsEntity>();

    public DbSet<SessionFeedEntity> SessionFeeds => Set<SessionFeedEntity>();

    public DbSet<CommentEntity> Comments => Set<CommentEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new PadConfiguration());
        modelBuilder.ApplyConfiguration(new RevisionConfiguration());
        modelBuilder.ApplyConfiguration(new SnapshotConfiguration());
        modelBuilder.ApplyConfiguration(new NamedRevisionConfiguration());
        modelBuilder.ApplyConfiguration(new AuthorConfiguration());
        modelBuilder.ApplyConfiguration(new AccessTokenConfiguration());
        modelBuilder.ApplyConfiguration(new SessionConfiguration());
        modelBuilder.ApplyConfiguration(new SessionGroupConfiguration());
        modelBuilder.ApplyConfiguration(new SessionTokenConfiguration());
        modelBuilder.ApplyConfiguration(new AnnouncementConfiguration());
        modelBuilder.ApplyConfiguration(new QuestionConfiguration());
        modelBuilder.ApplyConfiguration(new QuestionVoteConfiguration());
        modelBuilder.ApplyConfiguration(new QuestionSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new SessionFeedConfiguration());
        modelBuilder.ApplyConfiguration(new CommentConfiguration());
    }
}
