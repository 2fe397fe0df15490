namespace PadHub.Core.Documents;

public sealed partial class PadDocument
{
    /// <summary>Committed operations with a revision greater than <paramref name="fromRevision"/>, in order.</summary>
    /// <remarks>Returns a copy; <paramref name="fromRevision"/> = <see cref="Revision"/> gives an empty list.</remarks>
    /// <exception cref="RevisionAheadException"><paramref name="fromRevision"/> is above <see cref="Revision"/>.</exception>
    /// <exception cref="RevisionTooOldException"><paramref name="fromRevision"/> is below <see cref="OldestBaseRevision"/>.</exception>
    public IReadOnlyList<CommittedOperation> GetHistory(int fromRevision)
    {
        if (fromRevision > _revision)
        {
            throw new RevisionAheadException(fromRevision, _revision);
        }

        var oldest = OldestBaseRevision;
        if (fromRevision < oldest)
        {
            throw new RevisionTooOldException(fromRevision, oldest);
        }

        return _log.AsSpan(fromRevision + 1 - _logFirstRevision, _revision - fromRevision).ToArray();
    }

    /// <summary>The original revision of an already-committed (client id, seq), when still in memory.</summary>
    /// <remarks>"In memory" means in the retained log: revisions above <see cref="OldestBaseRevision"/>.</remarks>
    public bool TryGetCommittedRevision(string clientId, long seq, out int revision)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        var client = FindClient(clientId);
        if (client is not null && seq <= client.LastSeq)
        {
            return TryFindRevision(client, seq, out revision);
        }

        revision = 0;
        return false;
    }
    private ref readonly CommittedOperation EntryAt(int revision) => ref _log[revision - _logFirstRevision];

    private ClientLog? FindClient(string clientId)
    {
        // One client typing is the hot case: skip hashing the id when it is the last one seen.
        var last = _lastClient;
        if (last is not null && string.Equals(last.ClientId, clientId, StringComparison.Ordinal))
        {
            return last;
        }

        if (_clients.TryGetValue(clientId, out var client))
        {
            _lastClient = client;
        }

        return client;
    }

    private bool TryFindRevision(ClientLog client, long seq, out int revision)
    {
        // Revisions ascend, and seqs with them: binary search by the seq stored in each log entry.
        var revisions = client.Revisions;
        int low = 0, high = revisions.Length - 1;
        while (low <= high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            var found = EntryAt(revisions[mid]).Seq;
            if (found == seq)
            {
                revision = revisions[mid];

                // Physically present but outside the window: treat as gone, so answers never depend on when we trimmed.
                return revision > OldestBaseRevision;
            }

            if (found < seq)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        revision = 0;
        return false;
    }

    private void Append(in CommittedOperation entry, ClientLog? client)
    {
        if (_logCount == _log.Length)
        {
            MakeRoomInLog();
        }

        _log[_logCount++] = entry;

        if (client is null)
        {
            client = new ClientLog(entry.ClientId);
            _clients.Add(entry.ClientId, client);
            _lastClient = client;
        }

        client.Add(entry.Seq, entry.Revision);
        if (!client.Listed)
        {
            client.Listed = true;
            _clientsWithRevisions.Add(client);
        }
    }

    /// <summary>
    /// Called when the log array is full: drops the logically gone prefix in one block copy when it is at least half the
    /// array, otherwise doubles the array. Each drop copies at most as many entries as were appended since the last one,
    /// so trimming is amortised O(1) per commit and the array stays within about 2x <see cref="PadDocumentOptions.RetainedHistory"/>.
    /// </summary>
    private void MakeRoomInLog()
    {
        // The entry about to be appended has revision _revision; after it, revisions <= new oldest are gone.
        var oldest = OldestBaseRevision;
        var stale = Math.Clamp(oldest - _logFirstRevision + 1, 0, _logCount);
        if (stale > 0 && stale >= _log.Length / 2)
        {
            var live = _logCount - stale;
            Array.Copy(_log, stale, _log, 0, live);

            // Clear the vacated tail so dropped operations and ids can be collected.
            Array.Clear(_log, live, stale);
            _logCount = live;
            _logFirstRevision += stale;
            DropClientRevisionsBelow(_logFirstRevision);
            return;
        }

        Array.Resize(ref _log, Math.Max(16, _log.Length * 2));
    }

    private void DropClientRevisionsBelow(int firstRevision)
    {
        // Only clients with revisions in the buffer are visited (at most one per dropped or live entry), so this stays
        // proportional to the work of the drop itself however many clients the pad has ever seen.
        var kept = 0;
        for (var i = 0; i < _clientsWithRevisions.Count; i++)
        {
            var client = _clientsWithRevisions[i];
            client.DropBelow(firstRevision);
            if (client.Count > 0)
            {
                _clientsWithRevisions[kept++] = client;
            }
            else
            {
                client.Listed = false;
            }
        }

        _clientsWithRevisions.RemoveRange(kept, _clientsWithRevisions.Count - kept);
    }
}
