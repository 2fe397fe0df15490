namespace PadHub.Components.Contracts.Pads;

/// <summary>A new comment on the passage [<paramref name="From"/>, <paramref name="To"/>), or a reply.</summary>
/// <param name="From">The passage's start (UTF-16 code units).</param>
/// <param name="To">Past its end; above <paramref name="From"/>. Ignored for a reply, which takes its thread's passage.</param>
/// <param name="Text">The comment: 1 to <see cref="PadComment.MaxTextLength"/> code units after trimming.</param>
/// <param name="ReplyTo">The comment replied to (a reply's reply joins the same thread), or null.</param>
/// <param name="Revision">The revision whose text the offsets refer to (the server moves them to the head); null: the head now.</param>
public sealed record PadCommentRequest(int From, int To, string Text, string? ReplyTo = null, int? Revision = null);
