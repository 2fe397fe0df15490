namespace PadHub.Components.Contracts.Sessions;

/// <summary>One group's pad as recorded when the session ended.</summary>
public sealed record SessionPadResult(string GroupId, string PadId, int Revision);
