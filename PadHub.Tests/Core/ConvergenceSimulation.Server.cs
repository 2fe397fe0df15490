using System.Diagnostics;
using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

// The authority's side of the simulation: joins, submissions and the broadcast of each commit.
internal sealed partial class ConvergenceSimulation
{
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
}
