namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>Revisions</c>: one committed operation. Key (PadId, Revision); (PadId, ClientId, Seq) is unique.</summary>
public sealed class RevisionEntity
{
    public required string PadId { get; init; }

    /// <summary>The revision the operation produced (the first operation of a pad makes revision 1).</summary>
    public required int Revision { get; init; }

    /// <summary>The operation as applied, in the ot.js JSON wire form (<c>TextOperation.ToJson()</c>).</summary>
    public required string Operation { get; init; }

    public required string AuthorId { get; init; }

    public required string ClientId { get; init; }

    public required long Seq { get; init; }

    public required DateTimeOffset CommittedAt { get; init; }
}
