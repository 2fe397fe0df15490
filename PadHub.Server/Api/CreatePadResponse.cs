namespace PadHub.Server.Api;

/// <summary>A created pad: the tokens are returned only here (the server keeps their hashes).</summary>
public sealed record CreatePadResponse(string PadId, string EditUrl, string ViewUrl, string EditToken, string ViewToken);
