using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class NamedRevisionConfiguration : IEntityTypeConfiguration<NamedRevisionEntity>
{
    public void Configure(EntityTypeBuilder<NamedRevisionEntity> builder)
    {
        builder.ToTable("NamedRevisions");
        // One name per revision (naming it again renames it); a pad's names are one range of the key, in revision order.
        builder.HasKey(n => new { n.PadId, n.Revision });
        builder.Property(n => n.Revision).ValueGeneratedNever();
        builder.Property(n => n.PadId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(n => n.Name).HasMaxLength(StoreLimits.MaxRevisionNameLength);
        builder.Property(n => n.AuthorId).HasMaxLength(StoreLimits.MaxAuthorIdLength);

        builder.HasOne<PadEntity>().WithMany().HasForeignKey(n => n.PadId).OnDelete(DeleteBehavior.Cascade);
    }
}
