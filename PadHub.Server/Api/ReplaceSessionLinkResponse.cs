namespace PadHub.Server.Api;

/// <summary>A replaced session link: the token is returned only here and on the share page (the server keeps its hash).</summary>
/// <param name="GroupId">The note-taker link's group; null for the other kinds.</param>
public sealed record ReplaceSessionLinkResponse(string SessionId, string Kind, string? GroupId, string Url, string Token);
