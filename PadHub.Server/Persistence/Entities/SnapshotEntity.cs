namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>Snapshots</c>: a pad's full text and authorship at a revision. Key (PadId, Revision).</summary>
public sealed class SnapshotEntity
{
    public required string PadId { get; init; }

    public required int Revision { get; init; }

    public required string Text { get; init; }

    /// <summary>Authorship runs as compact JSON, <c>[["authorId",length],...]</c> (see <see cref="AuthorshipJson"/>).</summary>
    public required string Authorship { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
