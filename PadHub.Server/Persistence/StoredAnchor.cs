namespace PadHub.Server.Persistence;

/// <summary>A thread's anchor moved to <paramref name="AnchorRevision"/>, to be written back.</summary>
public sealed record StoredAnchor(string CommentId, int From, int To, bool OnDeletedText, int AnchorRevision);
