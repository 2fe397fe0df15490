namespace PadHub.Benchmarks.Live;

/// <summary>A cold page load as <see cref="PageWeight"/> saw it.</summary>
internal sealed record PageLoad(IReadOnlyList<PageResource> Resources, string AcceptEncoding, long WebSocketReceived)
{
    /// <summary>Bytes on the wire over HTTP, every resource.</summary>
    public long Transferred => Resources.Sum(r => r.Transferred);
}
