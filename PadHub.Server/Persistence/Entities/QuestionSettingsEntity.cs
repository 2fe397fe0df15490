namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>QuestionSettings</c>: a session's questions state, present once the moderator first changed it.</summary>
public sealed class QuestionSettingsEntity
{
    public required string SessionId { get; init; }

    /// <summary>The audience can neither ask nor vote.</summary>
    public bool Closed { get; set; }
}
