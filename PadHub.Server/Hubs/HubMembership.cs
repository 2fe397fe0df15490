using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Hubs;

/// <summary>A hub connection's membership of one pad, with the client id it joined with.</summary>
internal sealed record HubMembership(IPadConnection Connection, string ClientId);
