namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>QuestionVotes</c>: one participant's vote for one question (the key makes it one at most).</summary>
public sealed class QuestionVoteEntity
{
    public required string QuestionId { get; init; }

    /// <summary>A one-way hash of the voter's participant id (never the id itself).</summary>
    public required string ParticipantKey { get; init; }

    public required DateTimeOffset VotedAt { get; init; }
}
