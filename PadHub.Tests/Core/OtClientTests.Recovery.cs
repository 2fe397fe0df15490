using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

// Reconnecting: resending what is pending, rejoining from history or a snapshot, and carets across it.
public sealed partial class OtClientTests
{
    [Fact]
    public void GetPendingForResend_AfterRemoteOperations_KeepsSeqAndRebasesToCurrentRevision()
    {
        var client = new OtClient(Id, 10, "abc");
        var sent = client.ApplyLocal(TextOperation.ForInsert(3, 3, "!"))!;
        client.ApplyLocal(TextOperation.ForInsert(4, 0, ">"));
        client.ApplyServer(11, TextOperation.ForInsert(3, 0, "0"));

        var resend = client.GetPendingForResend();

        Assert.Equal(new OutgoingOperation(Id, sent.Seq, 11, TextOperation.ForInsert(4, 4, "!"), 1), resend);
        Assert.Equal(OtClientState.AwaitingWithBuffer, client.State);
    }

    [Fact]
    public void GetPendingForResend_Synchronized_ReturnsNull()
    {
        var client = new OtClient(Id, 10, "abc");

        Assert.Null(client.GetPendingForResend());
    }

    [Fact]
    public void Rejoin_OutstandingCommittedButAckLost_HistoryAcknowledgesAndResendIsDuplicate()
    {
        var server = new ReferenceServer("abc");
        var client = new OtClient(Id, 0, "abc");
        var sent = client.ApplyLocal(TextOperation.ForInsert(3, 3, "!"))!;
        server.Commit(sent.BaseRevision, sent.Operation, Id, Id, sent.Seq);       // committed; the ack is lost
        server.Commit(1, TextOperation.ForInsert(4, 0, ">"), "other", "tab-2", 1); // missed while offline
        client.ApplyLocal(TextOperation.ForInsert(4, 1, "-"));                     // typed while offline: buffered

        // Rejoin: join(from: client.Revision), then the outstanding operation re-sent under its seq.
        var resend = client.GetPendingForResend()!;
        var history = server.GetHistory(client.Revision);
        var duplicate = server.Commit(resend.BaseRevision, resend.Operation, Id, Id, resend.Seq);
        var toSend = history.Select(client.Receive).Select(r => r.ToSend).OfType<OutgoingOperation>().ToList();
        var bufferCommit = server.Commit(toSend[0].BaseRevision, toSend[0].Operation, Id, Id, toSend[0].Seq);
        client.Receive(server.Log[bufferCommit.Revision - 1]);

        Assert.Equal(sent.Seq, resend.Seq);
        Assert.True(duplicate.Duplicate);
        Assert.Equal(1, duplicate.Revision);
        Assert.Equal(2, toSend[0].Seq);
        Assert.Equal(3, server.Revision);
        Assert.Equal(">a-bc!", server.Text);
        Assert.Equal(server.Text, client.Document);
        Assert.Equal(OtClientState.Synchronized, client.State);
    }

    [Fact]
    public void Rejoin_OutstandingLostInFlight_ResendCommitsItOnce()
    {
        var server = new ReferenceServer("abc");
        var client = new OtClient(Id, 0, "abc");
        var sent = client.ApplyLocal(TextOperation.ForInsert(3, 3, "!"))!;          // dropped with the connection
        server.Commit(0, TextOperation.ForDelete(3, 0, 1), "other", "tab-2", 1);

        var resend = client.GetPendingForResend()!;
        var history = server.GetHistory(client.Revision);
        var commit = server.Commit(resend.BaseRevision, resend.Operation, Id, Id, resend.Seq);
        foreach (var entry in history)
        {
            client.Receive(entry);
        }

        var ack = client.Receive(server.Log[commit.Revision - 1]);

        Assert.Equal(sent.Seq, resend.Seq);
        Assert.False(commit.Duplicate);
        Assert.True(ack.IsAcknowledgement);
        Assert.Equal("bc!", server.Text);
        Assert.Equal(server.Text, client.Document);
        Assert.Equal(2, client.Revision);
        Assert.Equal(OtClientState.Synchronized, client.State);
    }

    [Fact]
    public void Seq_ManySendAndAckRounds_IncreasesByOnePerSentOperation()
    {
        var client = new OtClient(Id, 0, string.Empty);
        var seqs = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            var document = client.Document!;
            var sent = client.ApplyLocal(TextOperation.ForInsert(document.Length, document.Length, "x"));
            client.ApplyLocal(TextOperation.ForInsert(document.Length + 1, 0, "y"));
            seqs.Add(sent!.Seq);
            seqs.Add(client.ServerAck(client.Revision + 1)!.Seq);
            Assert.Null(client.ServerAck(client.Revision + 1));
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), seqs);
        Assert.Equal(100, client.Revision);
    }

    [Fact]
    public void Reset_Synchronized_JumpsToSnapshot()
    {
        var client = new OtClient(Id, 3, "abc");

        client.Reset(40, "snapshot");

        Assert.Equal(40, client.Revision);
        Assert.Equal("snapshot", client.Document);
        Assert.Equal(OtClientState.Synchronized, client.State);
    }

    [Fact]
    public void Reset_OperationPending_ThrowsAndChangesNothing()
    {
        var client = new OtClient(Id, 3, "abc");
        client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"));

        Assert.Throws<InvalidOperationException>(() => client.Reset(40, "snapshot"));

        Assert.Equal(3, client.Revision);
        Assert.Equal("Xabc", client.Document);
    }

    [Fact]
    public void TransformRemoteSelection_WithOutstandingAndBuffer_MapsThroughBoth()
    {
        var client = new OtClient(Id, 0, "abcdef");
        client.ApplyLocal(TextOperation.ForInsert(6, 0, "12"));   // 12abcdef
        client.ApplyLocal(TextOperation.ForDelete(8, 3, 3));      // 12aef

        var mapped = client.TransformRemoteSelection(new TextSelection(2, 5));

        // Server offsets 2..5 ("cde") become 4..7 after the outstanding insert, then collapse into the buffered delete.
        Assert.Equal(new TextSelection(3, 4), mapped);
    }

    [Fact]
    public void ReceiveResult_TransformSelection_MovesLocalCaretOnlyForRemoteOperations()
    {
        var client = new OtClient(Id, 0, "abc");
        var sent = client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"))!;
        var caret = TextSelection.Caret(2);

        var remote = client.Receive(new CommittedOperation(1, TextOperation.ForInsert(3, 1, "YY"), "a", "tab-2", 1));
        var afterRemote = remote.TransformSelection(caret);
        var ack = client.Receive(new CommittedOperation(2, client.Outstanding!.Operation, "a", Id, sent.Seq));

        Assert.Equal(TextSelection.Caret(4), afterRemote);
        Assert.Equal(afterRemote, ack.TransformSelection(afterRemote));
        Assert.Equal("XaYYbc", client.Document);
    }
}
