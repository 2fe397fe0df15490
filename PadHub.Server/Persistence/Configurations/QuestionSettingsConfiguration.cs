using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class QuestionSettingsConfiguration : IEntityTypeConfiguration<QuestionSettingsEntity>
{
    public void Configure(EntityTypeBuilder<QuestionSettingsEntity> builder)
    {
        builder.ToTable("QuestionSettings");
        builder.HasKey(s => s.SessionId);
        builder.Property(s => s.SessionId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);

        builder.HasOne<SessionEntity>().WithOne().HasForeignKey<QuestionSettingsEntity>(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
