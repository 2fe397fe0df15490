namespace PadHub.Server.Hubs.Wire;

/// <summary>AddComment's result: the new comment's id.</summary>
public sealed record AddCommentResponse(string CommentId);
