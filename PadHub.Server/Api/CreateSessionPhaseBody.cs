namespace PadHub.Server.Api;

/// <summary>A phase of <see cref="CreateSessionBody"/>, in whole minutes.</summary>
public sealed record CreateSessionPhaseBody(string? Name, int? Minutes);
