namespace PadHub.Benchmarks.Live;

// The /hubs/pad wire shapes (docs/PROTOCOL.md) as a client sees them; operations travel through TextOperationJsonConverter.

internal sealed record JoinRequest(string PadId, string Token, string ClientId, string DisplayName);
