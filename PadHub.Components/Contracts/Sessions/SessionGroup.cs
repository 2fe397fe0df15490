namespace PadHub.Components.Contracts.Sessions;

/// <summary>A group as everyone sees it.</summary>
/// <param name="Rapporteur">Who presents the group's conclusions (free text named by the moderator), or null.</param>
public sealed record SessionGroup(string GroupId, int Number, string Name, string Topic, IReadOnlyList<string> Animators, string PadId, string? Rapporteur = null);
