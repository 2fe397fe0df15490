using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<AnnouncementEntity>
{
    public void Configure(EntityTypeBuilder<AnnouncementEntity> builder)
    {
        builder.ToTable("Announcements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(a => a.SessionId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(a => a.GroupId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(a => a.Text).HasMaxLength(StoreLimits.MaxAnnouncementLength);

        // The latest announcements of a session: a backwards seek on (SessionId, Id); ids are time-ordered.
        builder.HasIndex(a => new { a.SessionId, a.Id });

        builder.HasOne<SessionEntity>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SessionGroupEntity>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.NoAction);
    }
}
