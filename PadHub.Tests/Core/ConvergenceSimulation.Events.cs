using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

// The simulated clients and the messages and events the queue carries between them and the authority.
internal sealed partial class ConvergenceSimulation
{
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
