namespace PadHub.Server.Results;

/// <summary>One author's counts in one pad.</summary>
/// <param name="FirstRevision">The author's first revision in the pad (orders contributors).</param>
internal sealed record AuthorTally(string AuthorId, long Characters, int Edits, int FirstRevision);
