using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<SessionEntity>
{
    public void Configure(EntityTypeBuilder<SessionEntity> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(s => s.Title).HasMaxLength(StoreLimits.MaxSessionTitleLength);
        builder.Property(s => s.Description).HasMaxLength(StoreLimits.MaxSessionDescriptionLength);
        builder.Property(s => s.LinkSecret).HasMaxLength(StoreLimits.MaxLinkSecretLength);
        builder.Property(s => s.Licence).HasMaxLength(StoreLimits.MaxLicenceLength).IsUnicode(false);
        builder.Property(s => s.SpotlightGroupId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(s => s.SpotlightConclusion).HasMaxLength(StoreLimits.MaxSpotlightConclusionLength);
        // Sessions created before languages existed were English.
        builder.Property(s => s.Language).HasMaxLength(StoreLimits.MaxLanguageLength).IsUnicode(false).HasDefaultValue("en");
    }
}
