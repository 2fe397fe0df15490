namespace PadHub.Server.Hubs.Wire;

/// <summary>Submit's result: the revision the operation produced.</summary>
public sealed record SubmitResponse(int Revision);
