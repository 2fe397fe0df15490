namespace PadHub.Server.Pads.Watch;

// Who is typing (an edit within TypingWindow) and the edits of each of the last BucketCount minutes, kept in a ring of
// per-minute buckets so the commit path only counts.
internal sealed partial class PadMirror
{
    private const int BucketCount = 5;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, DateTimeOffset> _lastEditByAuthor = new(StringComparer.Ordinal);
    private readonly long[] _bucketMinutes = [long.MinValue, long.MinValue, long.MinValue, long.MinValue, long.MinValue];
    private readonly int[] _bucketCounts = new int[BucketCount];
    private DateTimeOffset? _lastEditAt;

    private void NoteEditLocked(string authorId)
    {
        var now = _time.GetUtcNow();
        _lastEditAt = now;
        _lastEditByAuthor[authorId] = now;
        var minute = MinuteOf(now);
        var slot = (int)(minute % BucketCount);
        if (_bucketMinutes[slot] != minute)
        {
            _bucketMinutes[slot] = minute;
            _bucketCounts[slot] = 0;
        }

        _bucketCounts[slot]++;
    }

    private string[] TypingLocked(DateTimeOffset now)
    {
        if (_lastEditByAuthor.Count == 0)
        {
            return [];
        }

        foreach (var (authorId, at) in _lastEditByAuthor)
        {
            if (now - at >= _options.TypingWindow)
            {
                _lastEditByAuthor.Remove(authorId);
            }
        }

        var typing = _lastEditByAuthor.Keys.ToArray();
        Array.Sort(typing, StringComparer.Ordinal); // A stable order: views do not reshuffle names as people type.
        return typing;
    }

    private int[] BucketsLocked(DateTimeOffset now)
    {
        var minute = MinuteOf(now);
        var buckets = new int[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            var wanted = minute - (BucketCount - 1) + i;
            var slot = (int)(((wanted % BucketCount) + BucketCount) % BucketCount);
            buckets[i] = _bucketMinutes[slot] == wanted ? _bucketCounts[slot] : 0;
        }

        return buckets;
    }

    /// <summary>When the typing list or the per-minute buckets will next change with time alone; null when never.</summary>
    private DateTimeOffset? NextActivityChange(DateTimeOffset now, bool anyTyping, int[] buckets)
    {
        DateTimeOffset? due = null;
        if (anyTyping)
        {
            due = _lastEditByAuthor.Values.Min() + _options.TypingWindow;
        }

        if (buckets.Any(count => count > 0))
        {
            var nextMinute = DateTimeOffset.FromUnixTimeSeconds((MinuteOf(now) + 1) * 60);
            if (due is null || nextMinute < due)
            {
                due = nextMinute;
            }
        }

        return due;
    }

    private static long MinuteOf(DateTimeOffset time) => (long)Math.Floor(time.ToUnixTimeMilliseconds() / Minute.TotalMilliseconds);
}
