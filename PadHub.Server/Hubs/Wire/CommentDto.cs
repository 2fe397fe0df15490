namespace PadHub.Server.Hubs.Wire;

/// <summary>
/// A comment as GetComments and CommentsChanged carry it: offsets in UTF-16 code units of the pad's text at
/// <see cref="Revision"/> (the same for every comment of one answer).
/// </summary>
public sealed record CommentDto(
    string CommentId,
    int From,
    int To,
    string Text,
    string AuthorId,
    string DisplayName,
    string? ReplyTo,
    bool Resolved,
    bool OnDeletedText,
    DateTimeOffset Time,
    int Revision);
