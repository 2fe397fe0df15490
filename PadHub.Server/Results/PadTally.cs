namespace PadHub.Server.Results;

/// <summary>What one author wrote in one pad up to <see cref="Revision"/>: characters inserted and revisions committed.</summary>
/// <param name="Revision">The revision counted up to (inclusive).</param>
/// <param name="Authors">Per author id, in order of each author's first edit.</param>
internal sealed record PadTally(int Revision, IReadOnlyList<AuthorTally> Authors);
