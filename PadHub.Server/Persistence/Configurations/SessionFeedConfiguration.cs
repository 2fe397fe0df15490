using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Components.Contracts.Feed;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class SessionFeedConfiguration : IEntityTypeConfiguration<SessionFeedEntity>
{
    public void Configure(EntityTypeBuilder<SessionFeedEntity> builder)
    {
        builder.ToTable("SessionFeeds");
        builder.HasKey(f => f.SessionId);
        builder.Property(f => f.SessionId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(f => f.Hashtag).HasMaxLength(SessionFeedRules.MaxHashtagLength);
        builder.Property(f => f.Instance).HasMaxLength(SessionFeedRules.MaxInstanceLength).IsUnicode(false);
        builder.HasOne<SessionEntity>().WithOne().HasForeignKey<SessionFeedEntity>(f => f.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
