namespace PadHub.Components.Contracts.Sessions;

/// <summary>A phase of the session's schedule.</summary>
public sealed record SessionPhase(string Name, TimeSpan Duration);
