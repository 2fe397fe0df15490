using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

/// <summary><see cref="IQuestionStore"/> on EF Core: one short-lived (pooled) context per call.</summary>
public sealed class EfQuestionStore(IDbContextFactory<PadHubDbContext> contextFactory) : IQuestionStore
{
    public async Task<StoredQuestions> LoadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var closed = await db.QuestionSettings.AsNoTracking()
            .Where(s => s.SessionId == sessionId)
            .Select(s => s.Closed)
            .FirstOrDefaultAsync(cancellationToken);
        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId)
            .OrderBy(q => q.Id)
            .ToListAsync(cancellationToken);
        var votes = await db.QuestionVotes.AsNoTracking()
            .Join(db.Questions.Where(q => q.SessionId == sessionId), v => v.QuestionId, q => q.Id, (v, _) => new StoredQuestionVote(v.QuestionId, v.ParticipantKey))
            .ToListAsync(cancellationToken);
        return new StoredQuestions(closed, [.. questions.Select(ToRecord)], votes);
    }

    public async Task AddAsync(StoredQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        Check(question);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Questions.Add(new QuestionEntity
        {
            Id = question.QuestionId,
            SessionId = question.SessionId,
            GroupId = question.GroupId,
            Text = question.Text,
            Name = question.Name,
            Source = question.Source,
            AskerKey = question.AskerKey,
            AskedAt = question.AskedAt,
            Pinned = question.Pinned,
            Answered = question.Answered,
            Hidden = question.Hidden,
            ForwardedToGroupId = question.ForwardedToGroupId,
            Edited = question.Edited,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UpdateAsync(StoredQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        Check(question);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Questions
            .Where(q => q.Id == question.QuestionId && q.SessionId == question.SessionId)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(q => q.Text, question.Text)
                    .SetProperty(q => q.Answered, question.Answered)
                    .SetProperty(q => q.Hidden, question.Hidden)
                    .SetProperty(q => q.ForwardedToGroupId, question.ForwardedToGroupId)
                    .SetProperty(q => q.Edited, question.Edited),
                cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Question {question.QuestionId} of session {question.SessionId} is not stored.");
        }
    }

    public async Task PinAsync(string sessionId, string? questionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Questions
            .Where(q => q.SessionId == sessionId && q.Pinned && q.Id != questionId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(q => q.Pinned, false), cancellationToken);
        if (questionId is not null)
        {
            await db.Questions
                .Where(q => q.SessionId == sessionId && q.Id == questionId)
                .ExecuteUpdateAsync(setters => setters.SetProperty(q => q.Pinned, true), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> AddVoteAsync(StoredQuestionVote vote, DateTimeOffset votedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vote);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.QuestionVotes.Add(new QuestionVoteEntity { QuestionId = vote.QuestionId, ParticipantKey = vote.ParticipantKey, VotedAt = votedAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<bool> RemoveVoteAsync(StoredQuestionVote vote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vote);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.QuestionVotes
            .Where(v => v.QuestionId == vote.QuestionId && v.ParticipantKey == vote.ParticipantKey)
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task SetClosedAsync(string sessionId, bool closed, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.QuestionSettings
            .Where(s => s.SessionId == sessionId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(s => s.Closed, closed), cancellationToken);
        if (updated == 0)
        {
            db.QuestionSettings.Add(new QuestionSettingsEntity { SessionId = sessionId, Closed = closed });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static StoredQuestion ToRecord(QuestionEntity q) =>
        new(q.Id, q.SessionId, q.GroupId, q.Text, q.Name, q.Source, q.AskerKey, q.AskedAt, q.Pinned, q.Answered, q.Hidden, q.ForwardedToGroupId, q.Edited);

    private static void Check(StoredQuestion question)
    {
        CheckLength(question.Text, QuestionStoreLimits.MaxTextLength, "text");
        CheckLength(question.Name, QuestionStoreLimits.MaxNameLength, "name");
        CheckLength(question.Source, QuestionStoreLimits.MaxSourceLength, "source");
        CheckLength(question.AskerKey, QuestionStoreLimits.MaxParticipantKeyLength, "asker key");
    }

    private static void CheckLength(string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException($"A question's {what} has {value.Length} characters; the store holds at most {max}.", nameof(value));
        }
    }

    // SQLite: SQLITE_CONSTRAINT_PRIMARYKEY (1555) or _UNIQUE (2067). SQL Server: 2627 or 2601.
    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        SqlException sqlServer => sqlServer.Number is 2627 or 2601,
        _ => false,
    };
}
