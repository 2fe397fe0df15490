namespace PadHub.Server.Hubs.Wire;

/// <summary>GetNamedRevisions's result: the pad's named revisions in revision order.</summary>
public sealed record NamedRevisionsResponse(IReadOnlyList<NamedRevisionDto> NamedRevisions);
