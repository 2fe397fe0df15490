namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>SessionGroups</c>: a breakout group of a session and its one pad.</summary>
public sealed class SessionGroupEntity
{
    /// <summary>Guid version 7 in "N" format.</summary>
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    /// <summary>1-based position in the session (the audience page's <c>?group=N</c>).</summary>
    public required int Number { get; init; }

    public required string Name { get; set; }

    public required string Topic { get; set; }

    /// <summary>The animators' names as a JSON array of strings.</summary>
    public required string Animators { get; set; }

    /// <summary>The group's pad (unique: a pad belongs to at most one group).</summary>
    public required string PadId { get; init; }

    /// <summary>Bumped when the group's note-taker link is regenerated.</summary>
    public required int NoteTakerLinkGeneration { get; set; }

    /// <summary>Who presents the group's conclusions (named by the moderator), or null.</summary>
    public string? Rapporteur { get; set; }

    /// <summary>The pad's revision recorded as the session's result when it ended; null while the session runs.</summary>
    public int? FinalRevision { get; set; }
}
