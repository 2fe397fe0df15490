using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessTokenEntity>
{
    public void Configure(EntityTypeBuilder<AccessTokenEntity> builder)
    {
        builder.ToTable("AccessTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(StoreLimits.TokenHashLength).IsFixedLength();
        builder.Property(t => t.PadId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(t => t.Role).HasMaxLength(StoreLimits.MaxRoleLength).IsUnicode(false);

        // Also indexes PadId (listing or revoking a pad's links).
        builder.HasOne<PadEntity>().WithMany().HasForeignKey(t => t.PadId).OnDelete(DeleteBehavior.Cascade);
    }
}
