namespace PadHub.Components.Contracts.Pads;

/// <summary>
/// A comment on a pad's passage, or a reply in its thread. Offsets are UTF-16 code units of the pad's text at the
/// revision of the <see cref="PadComments"/> that carries it; a reply shows its thread's passage and state.
/// </summary>
/// <param name="CommentId">Stable id (time-ordered).</param>
/// <param name="From">The passage's start.</param>
/// <param name="To">Past the passage's end; equal to <paramref name="From"/> when on deleted text.</param>
/// <param name="Text">The comment, plain text (hostile: render as text only).</param>
/// <param name="AuthorId">Who wrote it.</param>
/// <param name="DisplayName">Their name when they wrote it.</param>
/// <param name="ReplyTo">The thread's first comment, or null for a thread's first comment.</param>
/// <param name="Resolved">The thread was resolved by a note-taker, the moderator or an editor.</param>
/// <param name="OnDeletedText">The passage was deleted entirely; the comment stays where it was.</param>
/// <param name="Time">When it was written.</param>
public sealed record PadComment(
    string CommentId,
    int From,
    int To,
    string Text,
    string AuthorId,
    string DisplayName,
    string? ReplyTo,
    bool Resolved,
    bool OnDeletedText,
    DateTimeOffset Time)
{
    /// <summary>Longest comment text, in UTF-16 code units (after trimming).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Most comments (replies included) one pad keeps.</summary>
    public const int MaxPerPad = 500;
}
