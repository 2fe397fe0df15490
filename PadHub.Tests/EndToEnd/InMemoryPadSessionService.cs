using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// A test-only pad service for browser tests of the editor until the server's authority lands: one pad in memory,
/// any number of connections, commits rebased with transform(incoming, committed) and deduplicated by (client id, seq),
/// events delivered to every other connection in revision order.
/// </summary>
internal sealed class InMemoryPadSessionService : IPadSessionService
{
    public const string EditToken = "edit-token";
    public const string ViewToken = "view-token";
    private static readonly string[] Colors = ["#1e88e5", "#e53935", "#43a047", "#8e24aa"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<PadOperationEvent> _log = [];
    private readonly List<Connection> _connections = [];
    private string _text = "";
    private int _historyPages;

    /// <summary>Most operations one history page holds (the server's is 1,000); small to make the editor page.</summary>
    public int HistoryPageSize { get; set; } = PadHistoryPage.MaxOperations;

    /// <summary>History pages served so far.</summary>
    public int HistoryPagesServed => Volatile.Read(ref _historyPages);

    /// <summary>When set, committed operations reach no other connection (as if their queues overflowed).</summary>
    public bool DropDeliveries { get; set; }

    /// <summary>When set, a submit commits and then never answers (the reply is lost).</summary>
    public bool SwallowAcknowledgements { get; set; }

    public string Text
    {
        get { lock (_log) { return _text; } }
    }

    public int Revision
    {
        get { lock (_log) { return _log.Count; } }
    }

    public async Task<IPadConnection> ConnectAsync(PadJoinRequest request, IPadListener listener, CancellationToken cancellationToken = default)
    {
        var role = request.Token switch
        {
            EditToken => PadRole.Editor,
            ViewToken => PadRole.Viewer,
            _ => throw new PadException(PadErrorCodes.NotFound, "No pad has this link."),
        };
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var color = Colors[_connections.Count % Colors.Length];
            var participant = new PadParticipant("p-" + Guid.NewGuid().ToString("N"), "author-" + Tag(request.ClientId), request.DisplayName, color, role);
            var connection = new Connection(this, listener, participant, Tag(request.ClientId));
            _connections.Add(connection);
            var participants = _connections.Select(c => c.Participant).ToList();
            PadJoined joined;
            lock (_log)
            {
                joined = new PadJoined("pad-1", _log.Count, _text, role, participant.AuthorId, color,
                    _text.Length == 0 ? [] : [new AuthorRun("author-seed", _text.Length)],
                    [new PadAuthor("author-seed", "Seed", "#fb8c00")], participants,
                    ParticipantId: participant.ParticipantId, ClientTag: connection.ClientTag);
            }

            connection.Joined = joined;
            foreach (var other in _connections.Where(c => c != connection))
            {
                await other.Listener.OnParticipantsChangedAsync(participants);
            }

            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> CommitAsync(Connection from, long seq, int baseRevision, TextOperation operation)
    {
        await _gate.WaitAsync();
        try
        {
            PadOperationEvent committed;
            lock (_log)
            {
                var existing = _log.Find(e => e.ClientTag == from.ClientTag && e.Seq == seq);
                if (existing is not null)
                {
                    return existing.Revision;
                }

                if (baseRevision > _log.Count)
                {
                    throw new PadException(PadErrorCodes.StaleRevision, "The base revision is ahead of the head.");
                }

                foreach (var c in _log.Skip(baseRevision))
                {
                    operation = TextOperation.Transform(operation, c.Operation).APrime;
                }

                _text = operation.Apply(_text);
                committed = new PadOperationEvent("pad-1", _log.Count + 1, operation, from.Participant.AuthorId, from.ClientTag, seq);
                _log.Add(committed);
            }

            foreach (var other in _connections.Where(c => c != from && !DropDeliveries))
            {
                await other.Listener.OnOperationAppliedAsync(committed);
            }

            return committed.Revision;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Commits an insert at the end from a client that is not connected here (a bot elsewhere).</summary>
    public Task<int> CommitFromElsewhereAsync(string insert)
    {
        int revision;
        string text;
        lock (_log)
        {
            (revision, text) = (_log.Count, _text);
        }

        var elsewhere = new Connection(this, listener: null!, new PadParticipant("p-elsewhere", "author-elsewhere", "Bot", "#000000", PadRole.Editor), "t-elsewhere");
        return CommitAsync(elsewhere, revision + 1, revision, TextOperation.ForInsert(text.Length, text.Length, insert));
    }

    /// <summary>Tells every connection it lost events and must fetch history (a full queue's ResyncRequired).</summary>
    public async Task RequestResyncAsync()
    {
        List<Connection> connections;
        await _gate.WaitAsync();
        try
        {
            connections = [.. _connections];
        }
        finally
        {
            _gate.Release();
        }

        foreach (var connection in connections)
        {
            await connection.Listener.OnResyncRequiredAsync(0);
        }
    }

    // A one-way stand-in for the server's tag: the page never sees a client id but its own.
    private static string Tag(string clientId) => "t-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(clientId)))[..16];

    private PadHistoryPage History(int fromRevision)
    {
        Interlocked.Increment(ref _historyPages);
        lock (_log)
        {
            var page = _log.Where(e => e.Revision > fromRevision).Take(HistoryPageSize).ToList();
            var last = page.Count == 0 ? fromRevision : page[^1].Revision;
            return new PadHistoryPage(page, _log.Count, last < _log.Count);
        }
    }

    private async Task CaretAsync(Connection from, int revision, int anchor, int head)
    {
        await _gate.WaitAsync();
        try
        {
            var caret = new PadCaret("pad-1", from.Participant.ParticipantId, from.Participant.AuthorId, revision, anchor, head);
            foreach (var other in _connections.Where(c => c != from))
            {
                await other.Listener.OnCaretMovedAsync(caret);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LeaveAsync(Connection connection)
    {
        await _gate.WaitAsync();
        try
        {
            _connections.Remove(connection);
            var participants = _connections.Select(c => c.Participant).ToList();
            foreach (var other in _connections)
            {
                await other.Listener.OnParticipantsChangedAsync(participants);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class Connection(InMemoryPadSessionService service, IPadListener listener, PadParticipant participant, string clientTag) : IPadConnection
    {
        public IPadListener Listener { get; } = listener;

        public string ClientTag { get; } = clientTag;

        public PadParticipant Participant { get; } = participant;

        public PadJoined Joined { get; set; } = default!;

        public async Task<int> SubmitAsync(long seq, int baseRevision, TextOperation operation, CancellationToken cancellationToken = default)
        {
            if (Participant.Role != PadRole.Editor)
            {
                throw new PadException(PadErrorCodes.Forbidden, "Viewers cannot write.");
            }

            var revision = await service.CommitAsync(this, seq, baseRevision, operation);
            if (service.SwallowAcknowledgements)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return revision;
        }

        public Task<PadHistoryPage> GetHistoryAsync(int fromRevision, CancellationToken cancellationToken = default) =>
            Task.FromResult(service.History(fromRevision));

        // The editor's tests never open the history: the revision calls are the server's (PadSyncHubRevisionTests).
        public Task<PadRevision> GetRevisionAsync(int revision, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PadDiff> GetDiffAsync(int fromRevision, int toRevision, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PadNamedRevision> NameRevisionAsync(int revision, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<int> RestoreRevisionAsync(int revision, int? passageFrom, int? passageTo, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PadNamedRevision>> GetNamedRevisionsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task UpdateCaretAsync(int revision, int anchor, int head, CancellationToken cancellationToken = default) =>
            service.CaretAsync(this, revision, anchor, head);

        public ValueTask DisposeAsync() => new(service.LeaveAsync(this));
    }
}
