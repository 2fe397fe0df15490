using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Comments;

/// <summary>A comment to add, by <paramref name="AuthorId"/> under <paramref name="DisplayName"/>.</summary>
public sealed record PadCommentCommand(PadCommentRequest Request, string AuthorId, string DisplayName);
