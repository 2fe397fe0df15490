namespace PadHub.Server.Hubs.Wire;

/// <summary>One part of a diff: <c>kind</c> is <c>"equal"</c>, <c>"insert"</c> or <c>"delete"</c>; never empty text.</summary>
public sealed record DiffPartDto(string Kind, string Text, string AuthorId);
