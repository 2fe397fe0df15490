using PadHub.Server.Hosting;

namespace PadHub.Server.Hubs;

/// <summary>Token buckets of one SignalR connection (per connection, never per IP: a venue shares one address).</summary>
internal sealed record HubCallLimits(TokenBucket Joins, TokenBucket History, TokenBucket Revisions);
