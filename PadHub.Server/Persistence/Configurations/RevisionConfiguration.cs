using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<RevisionEntity>
{
    public void Configure(EntityTypeBuilder<RevisionEntity> builder)
    {
        builder.ToTable("Revisions");
        // The key is also the index every history read walks: WHERE PadId = @p AND Revision > @r ORDER BY Revision.
        builder.HasKey(r => new { r.PadId, r.Revision });
        builder.Property(r => r.Revision).ValueGeneratedNever();
        builder.Property(r => r.PadId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(r => r.AuthorId).HasMaxLength(StoreLimits.MaxAuthorIdLength);
        builder.Property(r => r.ClientId).HasMaxLength(StoreLimits.MaxClientIdLength);
        builder.Property(r => r.Operation);

        // Exactly-once: a resent (client id, seq) can never commit twice, even across restarts.
        builder.HasIndex(r => new { r.PadId, r.ClientId, r.Seq }).IsUnique();

        builder.HasOne<PadEntity>().WithMany().HasForeignKey(r => r.PadId).OnDelete(DeleteBehavior.Cascade);
    }
}
