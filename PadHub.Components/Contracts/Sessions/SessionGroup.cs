namespace PadHub.Components.Contracts.Sessions;

/// <summary>A group as everyone sees it.</summary>
public sealed record SessionGroup(string GroupId, int Number, string Name, string Topic, IReadOnlyList<string> Animators, string PadId);
