namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>Pads</c>: one per pad, created with its revision-0 snapshot and its first tokens.</summary>
public sealed class PadEntity
{
    /// <summary>Guid version 7 in "N" format (32 hex digits, time-ordered so inserts stay at the end of the index).</summary>
    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? Title { get; set; }
}
