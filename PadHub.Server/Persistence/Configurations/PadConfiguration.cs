using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class PadConfiguration : IEntityTypeConfiguration<PadEntity>
{
    public void Configure(EntityTypeBuilder<PadEntity> builder)
    {
        builder.ToTable("Pads");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(p => p.Title).HasMaxLength(StoreLimits.MaxTitleLength);
    }
}
