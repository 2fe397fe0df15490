namespace PadHub.Server.Persistence;

/// <summary>
/// Storage of sessions' questions, votes and questions state. Each call is one transaction: a refused or failed call
/// stored nothing.
/// </summary>
public interface IQuestionStore
{
    /// <summary>A session's questions (hidden ones too), every vote and whether questions are closed.</summary>
    Task<StoredQuestions> LoadAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Adds a new question.</summary>
    Task AddAsync(StoredQuestion question, CancellationToken cancellationToken = default);

    /// <summary>Writes a question's text and moderation state (not its pin: <see cref="PinAsync"/>).</summary>
    Task UpdateAsync(StoredQuestion question, CancellationToken cancellationToken = default);

    /// <summary>Pins <paramref name="questionId"/> and unpins every other question of the session (null unpins all).</summary>
    Task PinAsync(string sessionId, string? questionId, CancellationToken cancellationToken = default);

    /// <summary>Adds a vote; false when this participant already votes for the question (nothing changed).</summary>
    Task<bool> AddVoteAsync(StoredQuestionVote vote, DateTimeOffset votedAt, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a vote; false when there was none.</summary>
    Task<bool> RemoveVoteAsync(StoredQuestionVote vote, CancellationToken cancellationToken = default);

    /// <summary>Closes or reopens questions for the session.</summary>
    Task SetClosedAsync(string sessionId, bool closed, CancellationToken cancellationToken = default);
}
