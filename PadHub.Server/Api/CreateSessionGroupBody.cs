namespace PadHub.Server.Api;

/// <summary>A group of <see cref="CreateSessionBody"/>.</summary>
public sealed record CreateSessionGroupBody(string? Name, string? Topic, IReadOnlyList<string?>? Animators);
