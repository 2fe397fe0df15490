using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<AuthorEntity>
{
    public void Configure(EntityTypeBuilder<AuthorEntity> builder)
    {
        builder.ToTable("Authors");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(StoreLimits.MaxAuthorIdLength);
        builder.Property(a => a.DisplayName).HasMaxLength(StoreLimits.MaxDisplayNameLength);
        builder.Property(a => a.Color).HasMaxLength(StoreLimits.MaxColorLength).IsUnicode(false);

        // Every pad's initial text is attributed to this author, so its name resolves like any other.
        builder.HasData(new AuthorEntity
        {
            Id = SystemAuthor.Id,
            DisplayName = SystemAuthor.DisplayName,
            Color = SystemAuthor.Color,
        });
    }
}
