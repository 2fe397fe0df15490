namespace PadHub.Components.Contracts.Sessions;

/// <summary>A group's links, as created or regenerated.</summary>
public sealed record GroupLinks(string GroupId, string Name, string PadId, string NoteTakerToken);
