using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Persistence;

/// <summary>What a token grants.</summary>
public sealed record PadAccess(string PadId, PadRole Role);
