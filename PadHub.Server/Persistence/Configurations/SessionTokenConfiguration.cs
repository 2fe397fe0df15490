using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class SessionTokenConfiguration : IEntityTypeConfiguration<SessionTokenEntity>
{
    public void Configure(EntityTypeBuilder<SessionTokenEntity> builder)
    {
        builder.ToTable("SessionTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(StoreLimits.TokenHashLength).IsFixedLength();
        builder.Property(t => t.SessionId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(t => t.GroupId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(t => t.Role).HasMaxLength(StoreLimits.MaxRoleLength).IsUnicode(false);

        // Also indexes SessionId (loading a session's live links).
        builder.HasOne<SessionEntity>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        // NoAction: the session's cascade already removes these rows; SQL Server refuses two cascade paths.
        builder.HasOne<SessionGroupEntity>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.NoAction);
    }
}
