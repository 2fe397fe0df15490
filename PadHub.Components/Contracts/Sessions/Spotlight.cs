namespace PadHub.Components.Contracts.Sessions;

/// <summary>What every audience page shows prominently until the moderator clears it.</summary>
/// <param name="GroupId">The group in the spotlight.</param>
/// <param name="Conclusion">One of the group's conclusions (its text), or null for the whole group.</param>
public sealed record Spotlight(string GroupId, string? Conclusion);
