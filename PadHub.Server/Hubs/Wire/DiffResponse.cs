namespace PadHub.Server.Hubs.Wire;

/// <summary>GetDiff's result: the parts in order; equal and delete parts make the older text, equal and insert parts the newer.</summary>
public sealed record DiffResponse(int FromRevision, int ToRevision, IReadOnlyList<DiffPartDto> Parts);
