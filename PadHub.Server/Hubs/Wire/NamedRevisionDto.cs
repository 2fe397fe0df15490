namespace PadHub.Server.Hubs.Wire;

/// <summary>A named revision, as NameRevision and GetNamedRevisions return it; <see cref="Time"/> is when it was named.</summary>
public sealed record NamedRevisionDto(int Revision, string Name, string AuthorId, DateTimeOffset Time);
