using System.Diagnostics;
using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

/// <summary>
/// A seeded discrete-event simulation of N <see cref="OtClient"/>s editing one pad through an authority. No threads,
/// no sleeps: a priority queue of timed events and a simulated clock. Every link (client to server, server to client)
/// delivers in FIFO order with random delays; a disconnect drops every message in flight on both links of that client;
/// a rejoin sends <c>join(fromRevision)</c>, immediately re-sends the outstanding operation under its seq, and then
/// applies the missed history (or a snapshot, when the client has nothing pending).
/// </summary>
internal sealed partial class ConvergenceSimulation
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
}
