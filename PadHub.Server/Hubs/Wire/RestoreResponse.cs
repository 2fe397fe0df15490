namespace PadHub.Server.Hubs.Wire;

/// <summary>RestoreRevision's result: the revision the restore produced (the head when nothing differed).</summary>
public sealed record RestoreResponse(int Revision);
