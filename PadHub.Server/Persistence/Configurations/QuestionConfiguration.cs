using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<QuestionEntity>
{
    public void Configure(EntityTypeBuilder<QuestionEntity> builder)
    {
        builder.ToTable("Questions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(q => q.SessionId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(q => q.GroupId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(q => q.ForwardedToGroupId).HasMaxLength(StoreLimits.MaxPadIdLength).IsUnicode(false);
        builder.Property(q => q.Text).HasMaxLength(QuestionStoreLimits.MaxTextLength);
        builder.Property(q => q.Name).HasMaxLength(QuestionStoreLimits.MaxNameLength);
        builder.Property(q => q.Source).HasMaxLength(QuestionStoreLimits.MaxSourceLength);
        builder.Property(q => q.AskerKey).HasMaxLength(QuestionStoreLimits.MaxParticipantKeyLength).IsUnicode(false);

        // A session's questions are loaded together: a seek on (SessionId, Id); ids are time-ordered.
        builder.HasIndex(q => new { q.SessionId, q.Id });

        builder.HasOne<SessionEntity>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SessionGroupEntity>().WithMany().HasForeignKey(q => q.GroupId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<SessionGroupEntity>().WithMany().HasForeignKey(q => q.ForwardedToGroupId).OnDelete(DeleteBehavior.NoAction);
    }
}
