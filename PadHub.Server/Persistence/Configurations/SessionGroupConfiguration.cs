using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class SessionGroupConfiguration : IEntityTypeConfiguration<SessionGroupEntity>
{
    public void Configure(EntityTypeBuilder<SessionGroupEntity> builder)
    {
        builder.ToTable("SessionGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(g => g.SessionId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(g => g.PadId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(g => g.Name).HasMaxLength(StoreLimits.MaxGroupNameLength);
        builder.Property(g => g.Topic).HasMaxLength(StoreLimits.MaxTopicLength);
        builder.Property(g => g.Animators).HasMaxLength(StoreLimits.MaxAnimatorsJsonLength);
        builder.Property(g => g.Rapporteur).HasMaxLength(StoreLimits.MaxRapporteurLength);

        builder.HasIndex(g => new { g.SessionId, g.Number }).IsUnique();
        builder.HasIndex(g => g.PadId).IsUnique();

        builder.HasOne<SessionEntity>().WithMany().HasForeignKey(g => g.SessionId).OnDelete(DeleteBehavior.Cascade);
        // NoAction: SQL Server refuses a second cascade path to a row; a group's pad outlives nothing without it anyway.
        builder.HasOne<PadEntity>().WithMany().HasForeignKey(g => g.PadId).OnDelete(DeleteBehavior.NoAction);
    }
}
