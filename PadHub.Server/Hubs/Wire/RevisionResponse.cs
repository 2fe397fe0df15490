namespace PadHub.Server.Hubs.Wire;

/// <summary>
/// GetRevision's result. <see cref="Authors"/> is <c>[[length, authorId], ...]</c>: runs covering <see cref="Text"/>
/// exactly, in order (adjacent runs have different authors).
/// </summary>
public sealed record RevisionResponse(int Revision, string Text, IReadOnlyList<object[]> Authors, DateTimeOffset Time);
