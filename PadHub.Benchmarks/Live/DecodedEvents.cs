using System.Collections.Concurrent;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// The last few thousand <c>OpApplied</c> messages decoded by the clients of one <see cref="LoadRun"/>, by their exact bytes. The server sends one
/// committed operation to every connection as the same bytes, so 450 simulated clients would decode the same ~200
/// bytes 450 times; here the first client decodes them and the others compare their own received bytes with the
/// decoded ones (all of them, not a hash) and reuse the immutable result. Each client still receives, frames and
/// checks every message itself and applies it to its own OT state and text, so the divergence check is unchanged; a
/// message whose bytes differ in any way is decoded on its own.
/// </summary>
internal sealed class DecodedEvents
{
    private const int Capacity = 8_192;
    private const int HashedTail = 48;
    private readonly ConcurrentDictionary<int, Entry> _byHash = new();
    private readonly ConcurrentQueue<int> _order = new();

    public bool TryGet(ReadOnlySpan<byte> message, out CommittedOp operation)
    {
        if (_byHash.TryGetValue(Hash(message), out var entry) && message.SequenceEqual(entry.Bytes))
        {
            operation = entry.Operation;
            return true;
        }

        operation = default;
        return false;
    }

    public void Add(ReadOnlySpan<byte> message, CommittedOp operation)
    {
        var hash = Hash(message);
        if (!_byHash.TryAdd(hash, new Entry(message.ToArray(), operation)))
        {
            return; // decoded by another client meanwhile (or other bytes with the same hash: those stay uncached)
        }

        _order.Enqueue(hash);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _byHash.TryRemove(oldest, out _);
        }
    }

    // The length and the last bytes only: an OpApplied ends with its clientId and seq, which tell operations apart, and
    // TryGet compares every byte anyway (two messages with the same key just leave the later one uncached).
    private static int Hash(ReadOnlySpan<byte> message)
    {
        var hash = new HashCode();
        hash.Add(message.Length);
        hash.AddBytes(message[Math.Max(0, message.Length - HashedTail)..]);
        return hash.ToHashCode();
    }

    private sealed record Entry(byte[] Bytes, CommittedOp Operation);
}
