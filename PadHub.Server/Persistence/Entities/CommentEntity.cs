namespace PadHub.Server.Persistence.Entities;

/// <summary>
/// A row of <c>Comments</c>: a comment on a pad's passage, or a reply (<see cref="ReplyTo"/>). The anchor
/// (<see cref="From"/>, <see cref="To"/>, <see cref="OnDeletedText"/>) is valid at <see cref="AnchorRevision"/>; the
/// server moves it forward through the revisions after that when it loads the pad's comments.
/// </summary>
public sealed class CommentEntity
{
    public required string Id { get; init; }

    public required string PadId { get; init; }

    public string? ReplyTo { get; init; }

    public required int From { get; set; }

    public required int To { get; set; }

    public required bool OnDeletedText { get; set; }

    public required int AnchorRevision { get; set; }

    public required string Text { get; init; }

    public required string AuthorId { get; init; }

    public required string DisplayName { get; init; }

    public required bool Resolved { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}
