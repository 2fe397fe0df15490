using System.Diagnostics;
using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

/// <summary>Knobs of one simulation run; every random choice derives from <see cref="Seed"/>.</summary>
internal sealed record SimulationOptions(int Seed, int Clients, int TargetEdits)
{
    /// <summary>The document's options; a small retained history forces store fallbacks and too-old rejections.</summary>
    public PadDocumentOptions Document { get; init; } = PadDocumentOptions.Default;

    /// <summary>Mean simulated microseconds between two local edits of one client.</summary>
    public int MeanEditIntervalMicros { get; init; } = 20_000;

    /// <summary>Largest one-way delay of a message, in microseconds (each link also gets its own base delay).</summary>
    public int MaxLinkDelayMicros { get; init; } = 80_000;

    /// <summary>Mean microseconds a connection stays up before it drops.</summary>
    public int MeanConnectedMicros { get; init; } = 1_500_000;

    /// <summary>Longest time a client stays offline.</summary>
    public int MaxOfflineMicros { get; init; } = 400_000;

    /// <summary>Probability that a synchronized client rejoins from a snapshot rather than from history.</summary>
    public double SnapshotRejoinProbability { get; init; } = 0.3;

    /// <summary>Probability that a local edit is a multi-component operation rather than a single edit.</summary>
    public double MultiEditProbability { get; init; } = 0.1;
}

/// <summary>What a run did, for the report and the assertions.</summary>
internal sealed record SimulationResult(
    int Seed,
    string InitialText,
    string ServerText,
    int ServerRevision,
    IReadOnlyList<CommittedOperation> CommittedLog,
    IReadOnlyList<SimulatedClientReport> Clients,
    long EditsGenerated,
    long Events,
    long MessagesDropped,
    long DuplicatesAbsorbed,
    long Disconnects,
    long SnapshotRejoins,
    long HistoryRejoins,
    long RejectedTooOld,
    long StoreHistoryReads,
    long StoreDuplicateLookups,
    long SimulatedMicros,
    TimeSpan WallTime);

/// <summary>One client's end state and accounting.</summary>
internal sealed record SimulatedClientReport(
    string ClientId,
    string? Document,
    int Revision,
    OtClientState State,
    bool Connected,
    long EditsGenerated,
    long LastSeq,
    IReadOnlyDictionary<long, int> EditsPerSeq,
    int MaxEditsPerOperation);

/// <summary>A failure inside a run, carrying the seed and the moment so it replays.</summary>
internal sealed class SimulationFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A seeded discrete-event simulation of N <see cref="OtClient"/>s editing one pad through an authority. No threads,
/// no sleeps: a priority queue of timed events and a simulated clock. Every link (client to server, server to client)
/// delivers in FIFO order with random delays; a disconnect drops every message in flight on both links of that client;
/// a rejoin sends <c>join(fromRevision)</c>, immediately re-sends the outstanding operation under its seq, and then
/// applies the missed history (or a snapshot, when the client has nothing pending).
/// </summary>
internal sealed class ConvergenceSimulation
{
    private readonly SimulationOptions _options;
    private readonly OtRandom _random;
    private readonly PadDocumentAuthority _authority;
    private readonly PriorityQueue<Event, (long Time, long Order)> _queue = new();
    private readonly Client[] _clients;
    private readonly HashSet<(string ClientId, long Seq)> _committedSeqs = [];
    private long _now;
    private long _order;
    private long _events;
    private long _editsGenerated;
    private long _dropped;
    private long _duplicates;
    private long _disconnects;
    private long _snapshotRejoins;
    private long _historyRejoins;
    private long _rejectedTooOld;

    public ConvergenceSimulation(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = new OtRandom(options.Seed);
        InitialText = _random.Text(60);
        _authority = new PadDocumentAuthority(InitialText, options.Document);
        _clients = new Client[options.Clients];
        for (var i = 0; i < options.Clients; i++)
        {
            _clients[i] = new Client(i, new OtClient($"client-{i}", 0, InitialText));
        }
    }

    public string InitialText { get; }

    public SimulationResult Run()
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var client in _clients)
        {
            Connect(client);
            Schedule(NextEditDelay(), new LocalEdit(client));
            Schedule(NextConnectedSpan(), new Disconnect(client));
        }

        // Every edit costs a bounded number of events unless something livelocks (a re-send rejected forever).
        var maxEvents = 1_000_000L + (400L * _options.TargetEdits);
        while (_queue.TryDequeue(out var next, out var key))
        {
            _now = key.Time;
            if (++_events > maxEvents)
            {
                throw Fail($"no quiescence after {maxEvents} events");
            }

            try
            {
                Handle(next);
            }
            catch (Exception ex) when (ex is not SimulationFailureException)
            {
                throw Fail($"{next} failed: {ex.GetType().Name}: {ex.Message}", ex);
            }
        }

        try
        {
            _authority.CheckAgainstOracle();
        }
        catch (InvalidOperationException ex)
        {
            throw Fail(ex.Message, ex);
        }

        stopwatch.Stop();
        return new SimulationResult(
            _options.Seed,
            InitialText,
            _authority.GetText(),
            _authority.Revision,
            _authority.GetHistory(0),
            [.. _clients.Select(c => c.Report())],
            _editsGenerated,
            _events,
            _dropped,
            _duplicates,
            _disconnects,
            _snapshotRejoins,
            _historyRejoins,
            _rejectedTooOld,
            _authority.StoreHistoryReads,
            _authority.StoreDuplicateLookups,
            _now,
            stopwatch.Elapsed);
    }

    private bool EditsRemain => _editsGenerated < _options.TargetEdits;

    private void Handle(Event next)
    {
        switch (next)
        {
            case LocalEdit(var client):
                OnLocalEdit(client);
                break;
            case Disconnect(var client):
                OnDisconnect(client);
                break;
            case Reconnect(var client):
                OnReconnect(client);
                break;
            case ToServer(var client, var epoch, var message):
                if (epoch != client.Epoch)
                {
                    _dropped++;
                    return;
                }

                OnServerReceive(client, message);
                break;
            case ToClient(var client, var epoch, var message):
                if (epoch != client.Epoch)
                {
                    _dropped++;
                    return;
                }

                OnClientReceive(client, message);
                break;
            default:
                throw new UnreachableException(next.GetType().Name);
        }
    }

    private void OnLocalEdit(Client client)
    {
        if (!EditsRemain)
        {
            return;
        }

        // A client loading a snapshot has no editor yet: the user types once it is shown.
        if (client.AwaitingSnapshot)
        {
            Schedule(NextEditDelay(), new LocalEdit(client));
            return;
        }

        var document = client.Ot.Document!;
        var edit = _random.Chance(_options.MultiEditProbability)
            ? _random.MultiEdit(document)
            : _random.Edit(document);
        if (edit.IsNoop)
        {
            Schedule(NextEditDelay(), new LocalEdit(client));
            return;
        }

        var selectionBefore = client.Selection;
        var outgoing = client.Ot.ApplyLocal(edit);
        _editsGenerated++;
        client.EditsGenerated++;
        client.Selection = TextSelection.Caret(edit.TransformCaret(selectionBefore.Head));
        if (outgoing is not null)
        {
            Send(client, outgoing);
        }

        Schedule(NextEditDelay(), new LocalEdit(client));
    }

    private void OnDisconnect(Client client)
    {
        if (!client.Connected)
        {
            return;
        }

        _disconnects++;
        client.Connected = false;
        client.ServerSubscribed = false;
        client.Joined = false;
        client.AwaitingSnapshot = false;
        client.Epoch++;
        Schedule(1 + _random.Next(_options.MaxOfflineMicros), new Reconnect(client));
    }

    private void OnReconnect(Client client)
    {
        Connect(client);
        if (EditsRemain)
        {
            Schedule(NextConnectedSpan(), new Disconnect(client));
        }
    }

    private void Connect(Client client)
    {
        client.Connected = true;
        client.Epoch++;
        client.UpLinkFree = client.DownLinkFree = _now;
        client.UpLinkDelay = 1 + _random.Next(_options.MaxLinkDelayMicros / 2);
        client.DownLinkDelay = 1 + _random.Next(_options.MaxLinkDelayMicros / 2);
        var snapshot = client.Ot.State == OtClientState.Synchronized && _random.Chance(_options.SnapshotRejoinProbability);
        client.AwaitingSnapshot = snapshot;
        SendToServer(client, new Join(client.Ot.Revision, snapshot));
        if (client.Ot.GetPendingForResend() is { } pending)
        {
            SendToServer(client, new Submit(pending));
        }
    }

    private void OnServerReceive(Client client, ServerMessage message)
    {
        switch (message)
        {
            case Join(var fromRevision, var snapshot):
                client.ServerSubscribed = true;
                if (snapshot)
                {
                    _snapshotRejoins++;
                    var padSnapshot = _authority.CreateSnapshot();
                    if (padSnapshot.Authorship.Sum(r => r.Length) != padSnapshot.Text.Length)
                    {
                        throw Fail($"the snapshot at revision {padSnapshot.Revision} has authorship runs not covering its text");
                    }

                    SendToClient(client, new SnapshotReply(padSnapshot.Revision, padSnapshot.Text));
                }
                else
                {
                    _historyRejoins++;
                    SendToClient(client, new HistoryReply(_authority.GetHistory(fromRevision)));
                }

                break;
            case Submit(var outgoing):
                OnSubmit(client, outgoing);
                break;
            default:
                throw new UnreachableException(message.GetType().Name);
        }
    }

    private void OnSubmit(Client client, OutgoingOperation outgoing)
    {
        CommitResult result;
        try
        {
            result = _authority.Commit(outgoing.BaseRevision, outgoing.Operation, client.Ot.ClientId, outgoing.ClientId, outgoing.Seq);
        }
        catch (RevisionTooOldException)
        {
            // The host's answer: nothing committed; re-send once caught up (the join's history gets the client there).
            _rejectedTooOld++;
            SendToClient(client, new TooOldReply(outgoing.Seq));
            return;
        }

        if (result.Duplicate)
        {
            _duplicates++;
            if (!_committedSeqs.Contains((outgoing.ClientId, outgoing.Seq)))
            {
                throw Fail($"the authority called {outgoing.ClientId} seq {outgoing.Seq} a duplicate but never committed it");
            }

            return;
        }

        if (!_committedSeqs.Add((outgoing.ClientId, outgoing.Seq)))
        {
            throw Fail($"{outgoing.ClientId} seq {outgoing.Seq} was committed twice (again at revision {result.Revision})");
        }

        var sent = client.Sent[outgoing.Seq];
        var inserted = OtRandom.InsertedText(result.Applied);
        if (!string.Equals(inserted, sent.InsertedText, StringComparison.Ordinal))
        {
            throw Fail($"{outgoing.ClientId} seq {outgoing.Seq} inserted \"{sent.InsertedText}\" but revision {result.Revision} inserts \"{inserted}\"");
        }

        var committed = new CommittedOperation(result.Revision, result.Applied, client.Ot.ClientId, outgoing.ClientId, outgoing.Seq);
        foreach (var subscriber in _clients)
        {
            if (subscriber.Connected && subscriber.ServerSubscribed)
            {
                SendToClient(subscriber, new CommitBroadcast(committed));
            }
        }
    }

    private void OnClientReceive(Client client, ClientMessage message)
    {
        switch (message)
        {
            case HistoryReply(var history):
                foreach (var entry in history)
                {
                    Receive(client, entry);
                }

                client.Joined = true;
                break;
            case SnapshotReply(var revision, var text):
                client.Ot.Reset(revision, text);
                client.Selection = TextSelection.Caret(0);
                client.AwaitingSnapshot = false;
                client.Joined = true;
                break;
            case TooOldReply(var seq):
                if (client.Ot.GetPendingForResend() is { } pending && pending.Seq == seq)
                {
                    SendToServer(client, new Submit(pending));
                }

                break;
            case CommitBroadcast(var committed):
                if (!client.Joined)
                {
                    throw Fail($"{client.Ot.ClientId} got revision {committed.Revision} before its join answer");
                }

                Receive(client, committed);
                break;
            default:
                throw new UnreachableException(message.GetType().Name);
        }
    }

    private void Receive(Client client, CommittedOperation committed)
    {
        var result = client.Ot.Receive(committed);
        client.Selection = result.TransformSelection(client.Selection);
        var document = client.Ot.Document!;
        if (!OtRandom.IsBoundary(document, client.Selection.Head))
        {
            throw Fail($"{client.Ot.ClientId}'s caret {client.Selection.Head} is not a boundary of its {document.Length}-unit document");
        }

        if (result.ToSend is { } next)
        {
            Send(client, next);
        }
    }

    /// <summary>Records a newly produced operation (new seq) and sends it when connected.</summary>
    private void Send(Client client, OutgoingOperation outgoing)
    {
        if (!client.Sent.TryAdd(outgoing.Seq, new SentRecord(outgoing.Edits, OtRandom.InsertedText(outgoing.Operation))))
        {
            throw Fail($"{outgoing.ClientId} produced seq {outgoing.Seq} twice");
        }

        if (outgoing.Seq != client.Sent.Count)
        {
            throw Fail($"{outgoing.ClientId} produced seq {outgoing.Seq} after {client.Sent.Count - 1} others");
        }

        if (client.Connected)
        {
            SendToServer(client, new Submit(outgoing));
        }
    }

    private void SendToServer(Client client, ServerMessage message)
    {
        client.UpLinkFree = Math.Max(_now + client.UpLinkDelay + _random.Next(_options.MaxLinkDelayMicros / 2), client.UpLinkFree);
        Enqueue(client.UpLinkFree, new ToServer(client, client.Epoch, message));
    }

    private void SendToClient(Client client, ClientMessage message)
    {
        client.DownLinkFree = Math.Max(_now + client.DownLinkDelay + _random.Next(_options.MaxLinkDelayMicros / 2), client.DownLinkFree);
        Enqueue(client.DownLinkFree, new ToClient(client, client.Epoch, message));
    }

    private void Schedule(long delay, Event next) => Enqueue(_now + delay, next);

    // Ties on time break by enqueue order, which keeps each link FIFO even for equal delivery times.
    private void Enqueue(long time, Event next) => _queue.Enqueue(next, (time, _order++));

    private long NextEditDelay() => 1 + _random.Next(2 * _options.MeanEditIntervalMicros);

    private long NextConnectedSpan() => 1 + _random.Next(2 * _options.MeanConnectedMicros);

    private SimulationFailureException Fail(string what, Exception? inner = null) =>
        new($"seed {_options.Seed}: at t={_now}us, event #{_events}: {what}", inner);

    private sealed record SentRecord(int Edits, string InsertedText);

    private sealed class Client(int index, OtClient ot)
    {
        public int Index { get; } = index;

        public OtClient Ot { get; } = ot;

        public int Epoch { get; set; }

        public bool Connected { get; set; }

        public bool ServerSubscribed { get; set; }

        public bool Joined { get; set; }

        public bool AwaitingSnapshot { get; set; }

        public long UpLinkFree { get; set; }

        public long DownLinkFree { get; set; }

        public long UpLinkDelay { get; set; }

        public long DownLinkDelay { get; set; }

        public TextSelection Selection { get; set; }

        public long EditsGenerated { get; set; }

        public Dictionary<long, SentRecord> Sent { get; } = [];

        public SimulatedClientReport Report() => new(
            Ot.ClientId,
            Ot.Document,
            Ot.Revision,
            Ot.State,
            Connected,
            EditsGenerated,
            Ot.Seq,
            Sent.ToDictionary(s => s.Key, s => s.Value.Edits),
            Sent.Count == 0 ? 0 : Sent.Values.Max(s => s.Edits));

        public override string ToString() => $"client-{Index}";
    }

    private abstract record Event;

    private sealed record LocalEdit(Client Client) : Event;

    private sealed record Disconnect(Client Client) : Event;

    private sealed record Reconnect(Client Client) : Event;

    private sealed record ToServer(Client Client, int Epoch, ServerMessage Message) : Event;

    private sealed record ToClient(Client Client, int Epoch, ClientMessage Message) : Event;

    private abstract record ServerMessage;

    private sealed record Join(int FromRevision, bool Snapshot) : ServerMessage;

    private sealed record Submit(OutgoingOperation Operation) : ServerMessage;

    private abstract record ClientMessage;

    private sealed record HistoryReply(IReadOnlyList<CommittedOperation> History) : ClientMessage;

    private sealed record SnapshotReply(int Revision, string Text) : ClientMessage;

    private sealed record CommitBroadcast(CommittedOperation Committed) : ClientMessage;

    private sealed record TooOldReply(long Seq) : ClientMessage;
}
