using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<CommentEntity>
{
    public void Configure(EntityTypeBuilder<CommentEntity> builder)
    {
        builder.ToTable("Comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(c => c.PadId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(c => c.ReplyTo).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(c => c.Text).HasMaxLength(PadComment.MaxTextLength);
        builder.Property(c => c.AuthorId).HasMaxLength(StoreLimits.MaxAuthorIdLength);
        builder.Property(c => c.DisplayName).HasMaxLength(StoreLimits.MaxDisplayNameLength);

        // A pad's comments are read together, in the order they were written (ids are time-ordered).
        builder.HasIndex(c => new { c.PadId, c.Id });
        builder.HasOne<PadEntity>().WithMany().HasForeignKey(c => c.PadId).OnDelete(DeleteBehavior.Cascade);
    }
}
