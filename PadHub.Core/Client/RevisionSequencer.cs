namespace PadHub.Core.Client;

/// <summary>
/// Puts server messages keyed by revision back into order for an <see cref="OtClient"/>, which accepts only the next
/// revision: early arrivals are held until the gap before them fills, stale ones (at or below the released revision:
/// a history fetch overlapping live broadcasts, or the answer to a duplicate re-send) are dropped.
/// </summary>
/// <typeparam name="T">The message (a committed operation, an acknowledgement...).</typeparam>
/// <remarks>Invariant: every held message has a revision greater than <see cref="Revision"/> + 1.</remarks>
public sealed class RevisionSequencer<T>
{
    private readonly SortedDictionary<int, T> _held = [];
    private readonly int _maxHeld;

    /// <summary>Creates a sequencer whose next released revision is <paramref name="revision"/> + 1.</summary>
    /// <param name="revision">The revision the consumer is at.</param>
    /// <param name="maxHeld">How many early messages may wait for a gap to fill before <see cref="Offer"/> throws.</param>
    public RevisionSequencer(int revision, int maxHeld = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHeld);
        Revision = revision;
        _maxHeld = maxHeld;
    }

    /// <summary>The last revision released.</summary>
    public int Revision { get; private set; }

    /// <summary>Messages held back waiting for an earlier revision.</summary>
    public int HeldCount => _held.Count;

    /// <summary>
    /// Offers the message for <paramref name="revision"/> and returns, in revision order, every message that can now be
    /// released (empty when it is early or stale). A second message for a revision already held is dropped.
    /// </summary>
    /// <exception cref="InvalidOperationException">More than the allowed number of messages would be held. Nothing changed.</exception>
    public IReadOnlyList<T> Offer(int revision, T message)
    {
        if (revision <= Revision || _held.ContainsKey(revision))
        {
            return [];
        }

        if (revision > Revision + 1)
        {
            if (_held.Count >= _maxHeld)
            {
                throw new InvalidOperationException($"{_held.Count} messages are already waiting for revision {Revision + 1}: resync instead.");
            }

            _held.Add(revision, message);
            return [];
        }

        Revision = revision;
        if (_held.Count == 0)
        {
            return [message]; // in order, nothing waiting: the common case, without a list to grow
        }

        var released = Release();
        released.Insert(0, message);
        return released;
    }

    /// <summary>
    /// The common case of <see cref="Offer"/> without building a list: when <paramref name="revision"/> is the next one
    /// and nothing is held, moves to it and returns true (the caller handles its message at once); otherwise changes
    /// nothing and returns false (offer the message instead).
    /// </summary>
    public bool TryAdvance(int revision)
    {
        if (revision != Revision + 1 || _held.Count != 0)
        {
            return false;
        }

        Revision = revision;
        return true;
    }

    /// <summary>
    /// Moves to <paramref name="revision"/> (after a snapshot reset): drops held messages at or below it and returns, in
    /// order, the held ones that now follow on without a gap.
    /// </summary>
    public IReadOnlyList<T> Reset(int revision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        Revision = revision;
        while (_held.Count > 0 && _held.First().Key <= revision)
        {
            _held.Remove(_held.First().Key);
        }

        return Release();
    }

    private List<T> Release()
    {
        var released = new List<T>();
        while (_held.Remove(Revision + 1, out var next))
        {
            released.Add(next);
            Revision++;
        }

        return released;
    }
}
