namespace PadHub.Core.Documents;

/// <summary>
/// What a document remembers about one client: its last committed seq (kept for the document's lifetime, so a replayed
/// old seq is never committed twice) and the revisions it committed that are still in the in-memory log, ascending.
/// </summary>
/// <remarks>
/// The revisions are a growable <c>int[]</c> window <c>[Start, Start + Count)</c>: appends are amortised O(1), and the
/// document drops entries older than its log in bulk when the log itself drops entries. The seq of each revision is read
/// from the log entry, so the index costs 4 bytes per retained commit.
/// </remarks>
internal sealed class ClientLog(string clientId)
{
    private int[] _revisions = [];

    /// <summary>The client id.</summary>
    public string ClientId { get; } = clientId;

    /// <summary>The client's last committed seq.</summary>
    public long LastSeq { get; set; }

    /// <summary>First live slot of the revisions array.</summary>
    public int Start { get; private set; }

    /// <summary>Retained revisions.</summary>
    public int Count { get; private set; }

    /// <summary>True while the document's list of clients with retained revisions holds this client.</summary>
    public bool Listed { get; set; }

    /// <summary>The retained revisions, ascending (so their seqs are ascending too).</summary>
    public ReadOnlySpan<int> Revisions => _revisions.AsSpan(Start, Count);

    /// <summary>Records a new commit.</summary>
    public void Add(long seq, int revision)
    {
        LastSeq = seq;
        if (Start + Count == _revisions.Length)
        {
            if (Start > 0 && Start >= Count)
            {
                // At least half the array is dead prefix: slide down instead of growing.
                _revisions.AsSpan(Start, Count).CopyTo(_revisions);
                Start = 0;
            }
            else
            {
                Array.Resize(ref _revisions, Math.Max(4, _revisions.Length * 2));
            }
        }

        _revisions[Start + Count] = revision;
        Count++;
    }

    /// <summary>Forgets revisions below <paramref name="firstRevision"/>.</summary>
    public void DropBelow(int firstRevision)
    {
        var live = Revisions;
        var keep = live.Length;
        while (keep > 0 && live[live.Length - keep] < firstRevision)
        {
            keep--;
        }

        Start += Count - keep;
        Count = keep;
        if (Count == 0)
        {
            // An idle client keeps only its last seq, not an array sized for its busiest moment.
            Start = 0;
            _revisions = [];
        }
    }
}
