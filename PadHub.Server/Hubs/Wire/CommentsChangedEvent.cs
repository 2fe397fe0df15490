using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Hubs.Wire;

/// <summary>A comment was added or resolved: every comment of the pad, offsets at <see cref="Revision"/>.</summary>
public sealed record CommentsChangedEvent(string PadId, int Revision, IReadOnlyList<CommentDto> Comments)
{
    /// <summary>The wire form of a pad's comments.</summary>
    public static CommentDto[] ToDtos(PadComments comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        return [.. comments.Comments.Select(c => new CommentDto(
            c.CommentId, c.From, c.To, c.Text, c.AuthorId, c.DisplayName, c.ReplyTo, c.Resolved, c.OnDeletedText, c.Time, comments.Revision))];
    }
}
