namespace PadHub.Server.Api;

/// <summary>A replaced link: the token is returned only here (the server keeps its hash).</summary>
public sealed record ReplaceLinkResponse(string PadId, string Kind, string Url, string Token);
