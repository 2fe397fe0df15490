namespace PadHub.Components.Contracts.Questions;

/// <summary>A session's questions at one moment. Immutable: a change publishes a new one.</summary>
/// <param name="Version">Increases with every change.</param>
/// <param name="Closed">The moderator closed questions: the audience can neither ask nor vote.</param>
/// <param name="Questions">Ordered by votes (most first), then by time (oldest first); hidden ones only on the moderator's board.</param>
public sealed record QuestionBoard(string SessionId, long Version, bool Closed, IReadOnlyList<Question> Questions)
{
    /// <summary>The pinned question, if any and visible on this board.</summary>
    public Question? Pinned => Questions.FirstOrDefault(q => q.Pinned);
}
