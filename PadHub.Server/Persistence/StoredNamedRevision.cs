namespace PadHub.Server.Persistence;

/// <summary>A named revision as stored: who named it and when.</summary>
public sealed record StoredNamedRevision(int Revision, string Name, string AuthorId, DateTimeOffset NamedAt);
