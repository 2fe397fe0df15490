namespace PadHub.Components.Contracts.Sessions;

/// <summary>A breakout group to create.</summary>
/// <param name="Name">Shown on the dashboard and the audience page ("Group 1").</param>
/// <param name="Topic">The question the group works on.</param>
/// <param name="Animators">The group's moderators' names.</param>
public sealed record GroupDefinition(string Name, string Topic, IReadOnlyList<string> Animators);
