namespace PadHub.Server.Hubs.Wire;

/// <summary>Sent when this connection fell too far behind: fetch GetHistory from your own revision.</summary>
public sealed record ResyncRequiredEvent(string PadId, int FromRevision);
