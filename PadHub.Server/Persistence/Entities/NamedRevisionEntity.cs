namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>NamedRevisions</c>: a name someone with write access gave a revision of a pad. Key (PadId, Revision).</summary>
public sealed class NamedRevisionEntity
{
    public required string PadId { get; init; }

    public required int Revision { get; init; }

    public required string Name { get; set; }

    public required string AuthorId { get; set; }

    public required DateTimeOffset NamedAt { get; set; }
}
