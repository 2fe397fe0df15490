using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class SnapshotConfiguration : IEntityTypeConfiguration<SnapshotEntity>
{
    public void Configure(EntityTypeBuilder<SnapshotEntity> builder)
    {
        builder.ToTable("Snapshots");
        // The latest snapshot is the last key of the pad: one backwards index seek.
        builder.HasKey(s => new { s.PadId, s.Revision });
        builder.Property(s => s.Revision).ValueGeneratedNever();
        builder.Property(s => s.PadId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);

        builder.HasOne<PadEntity>().WithMany().HasForeignKey(s => s.PadId).OnDelete(DeleteBehavior.Cascade);
    }
}
