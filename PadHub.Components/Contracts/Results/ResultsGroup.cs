namespace PadHub.Components.Contracts.Results;

/// <summary>A group of the session with its pad, as the results show it.</summary>
/// <param name="Number">1-based, the group's position.</param>
/// <param name="Rapporteur">Who presents the group's conclusions, or null.</param>
public sealed record ResultsGroup(string GroupId, int Number, string Name, string Topic, IReadOnlyList<string> Animators, string? Rapporteur, ResultsPad Pad);
