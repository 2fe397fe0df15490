namespace PadHub.Server.Persistence;

/// <summary>A new pad and its two capability tokens (plain, returned once).</summary>
public sealed record CreatedPad(string PadId, string EditToken, string ViewToken);
