using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class QuestionVoteConfiguration : IEntityTypeConfiguration<QuestionVoteEntity>
{
    public void Configure(EntityTypeBuilder<QuestionVoteEntity> builder)
    {
        builder.ToTable("QuestionVotes");

        // One vote per participant per question, whatever the callers do: the key is unique.
        builder.HasKey(v => new { v.QuestionId, v.ParticipantKey });
        builder.Property(v => v.QuestionId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(v => v.ParticipantKey).HasMaxLength(QuestionStoreLimits.MaxParticipantKeyLength).IsUnicode(false);

        builder.HasOne<QuestionEntity>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
