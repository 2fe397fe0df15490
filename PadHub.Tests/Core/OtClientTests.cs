using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

public sealed class OtClientTests
{
    private const string Id = "tab-1";

    [Fact]
    public void Constructor_NewClient_IsSynchronizedAtGivenRevision()
    {
        var client = new OtClient(Id, 7, "abc", lastSeq: 3);

        Assert.Equal(OtClientState.Synchronized, client.State);
        Assert.Equal(7, client.Revision);
        Assert.Equal(3, client.Seq);
        Assert.Equal("abc", client.Document);
        Assert.Null(client.Outstanding);
        Assert.Null(client.Buffer);
    }

    [Fact]
    public void ApplyLocal_Synchronized_ReturnsOperationWithNextSeqAndBaseRevision()
    {
        var client = new OtClient(Id, 4, "abc");
        var edit = TextOperation.ForInsert(3, 1, "X");

        var sent = client.ApplyLocal(edit);

        Assert.Equal(new OutgoingOperation(Id, 1, 4, edit, 1), sent);
        Assert.Equal(OtClientState.AwaitingConfirm, client.State);
        Assert.Equal("aXbc", client.Document);
        Assert.Equal(sent, client.Outstanding);
    }

    [Fact]
    public void ApplyLocal_AwaitingConfirm_BuffersAndReturnsNull()
    {
        var client = new OtClient(Id, 0, "abc");
        client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"));
        var second = TextOperation.ForDelete(4, 3, 1);

        var sent = client.ApplyLocal(second);

        Assert.Null(sent);
        Assert.Equal(OtClientState.AwaitingWithBuffer, client.State);
        Assert.Equal(second, client.Buffer);
        Assert.Equal(1, client.Seq);
        Assert.Equal("Xab", client.Document);
    }

    [Fact]
    public void ApplyLocal_AwaitingWithBuffer_ComposesIntoBuffer()
    {
        var client = new OtClient(Id, 0, "abc");
        client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"));
        var second = TextOperation.ForInsert(4, 4, "😀");
        var third = TextOperation.ForDelete(6, 1, 1);
        client.ApplyLocal(second);

        client.ApplyLocal(third);
        var resent = client.ServerAck(1);

        Assert.Equal(TextOperation.Compose(second, third), client.Outstanding!.Operation);
        Assert.Equal(new OutgoingOperation(Id, 2, 1, TextOperation.Compose(second, third), 2), resent);
        Assert.Equal("Xbc😀", client.Document);
    }

    [Fact]
    public void ApplyLocal_Noop_ReturnsNullAndStaysSynchronized()
    {
        var client = new OtClient(Id, 2, "abc");

        var sent = client.ApplyLocal(TextOperation.Identity(3));

        Assert.Null(sent);
        Assert.Equal(OtClientState.Synchronized, client.State);
        Assert.Equal(0, client.Seq);
    }

    [Fact]
    public void ApplyLocal_WrongLengthAfterPending_ThrowsAndChangesNothing()
    {
        var client = new OtClient(Id, 0);
        var first = TextOperation.ForInsert(3, 0, "X");
        client.ApplyLocal(first);

        Assert.Throws<OperationLengthMismatchException>(() => client.ApplyLocal(TextOperation.ForInsert(3, 0, "Y")));

        Assert.Equal(OtClientState.AwaitingConfirm, client.State);
        Assert.Equal(first, client.Outstanding!.Operation);
        Assert.Null(client.Buffer);
    }

    [Fact]
    public void ApplyLocal_SplitsSurrogatePairOfTrackedDocument_ThrowsAndChangesNothing()
    {
        var client = new OtClient(Id, 0, "a😀b");

        Assert.Throws<SurrogateSplitException>(() => client.ApplyLocal(TextOperation.ForInsert(4, 2, "X")));

        Assert.Equal(OtClientState.Synchronized, client.State);
        Assert.Equal("a😀b", client.Document);
        Assert.Equal(0, client.Seq);
    }

    [Fact]
    public void ServerAck_AwaitingConfirm_GoesSynchronized()
    {
        var client = new OtClient(Id, 5, "abc");
        client.ApplyLocal(TextOperation.ForInsert(3, 3, "d"));

        var next = client.ServerAck(6);

        Assert.Null(next);
        Assert.Equal(OtClientState.Synchronized, client.State);
        Assert.Equal(6, client.Revision);
        Assert.Equal("abcd", client.Document);
    }

    [Fact]
    public void ServerAck_AwaitingWithBuffer_SendsBufferUnderNextSeqBasedOnAckRevision()
    {
        var client = new OtClient(Id, 5, "abc");
        client.ApplyLocal(TextOperation.ForInsert(3, 3, "d"));
        var buffered = TextOperation.ForInsert(4, 0, "z");
        client.ApplyLocal(buffered);

        var next = client.ServerAck(6);

        Assert.Equal(new OutgoingOperation(Id, 2, 6, buffered, 1), next);
        Assert.Equal(OtClientState.AwaitingConfirm, client.State);
        Assert.Null(client.Buffer);
    }

    [Fact]
    public void ServerAck_Synchronized_ThrowsProtocolException()
    {
        var client = new OtClient(Id, 5, "abc");

        Assert.Throws<OtClientProtocolException>(() => client.ServerAck(6));

        Assert.Equal(5, client.Revision);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    public void ServerAck_NotNextRevision_ThrowsRevisionOrderAndChangesNothing(int revision)
    {
        var client = new OtClient(Id, 5, "abc");
        var sent = client.ApplyLocal(TextOperation.ForInsert(3, 3, "d"));

        var ex = Assert.Throws<RevisionOrderException>(() => client.ServerAck(revision));

        Assert.Equal(6, ex.ExpectedRevision);
        Assert.Equal(revision, ex.ActualRevision);
        Assert.Equal(sent, client.Outstanding);
        Assert.Equal(5, client.Revision);
    }

    [Fact]
    public void ApplyServer_Synchronized_ReturnsOperationUnchanged()
    {
        var client = new OtClient(Id, 0, "abc");
        var remote = TextOperation.ForDelete(3, 0, 1);

        var applied = client.ApplyServer(1, remote);

        Assert.Equal(remote, applied);
        Assert.Equal(1, client.Revision);
        Assert.Equal("bc", client.Document);
    }

    [Fact]
    public void ApplyServer_ConcurrentInsertsAtSamePlace_ClientAndServerBothPutPendingInsertFirst()
    {
        // The server commits the remote "Y" first and then rebases the client's "X" with Transform(incoming, committed):
        // "X" lands before "Y". The client must end with the same text.
        var client = new OtClient(Id, 0, "ab");
        var local = TextOperation.ForInsert(2, 1, "X");
        var remote = TextOperation.ForInsert(2, 1, "Y");
        client.ApplyLocal(local);
        var server = new ReferenceServer("ab");
        server.Commit(0, remote, "other", "other", 1);
        server.Commit(0, local, Id, Id, 1);

        var applied = client.ApplyServer(1, remote);

        Assert.Equal("aXYb", server.Text);
        Assert.Equal("aXYb", client.Document);
        Assert.Equal(TextOperation.Parse("[2,\"Y\",1]"), applied);
        Assert.Equal(server.Log[1].Operation, client.Outstanding!.Operation);
    }

    [Fact]
    public void ApplyServer_AwaitingWithBuffer_TransformsOutstandingBufferAndRemote()
    {
        var client = new OtClient(Id, 0, "hello");
        client.ApplyLocal(TextOperation.ForInsert(5, 5, "!"));           // hello!
        client.ApplyLocal(TextOperation.ForInsert(6, 0, ">"));           // >hello!
        var remote = TextOperation.ForDelete(5, 0, 2);                    // llo

        var applied = client.ApplyServer(1, remote);

        Assert.Equal(">llo!", client.Document);
        Assert.Equal(TextOperation.Parse("[1,-2,4]"), applied);
        Assert.Equal(TextOperation.Parse("[3,\"!\"]"), client.Outstanding!.Operation);
        Assert.Equal(TextOperation.Parse("[\">\",4]"), client.Buffer);
        Assert.Equal(1, client.Outstanding.BaseRevision);
    }

    [Fact]
    public void ApplyServer_BufferAndRemoteInsertAtSamePlace_BufferedInsertStaysFirst()
    {
        // As with the outstanding operation (and in ot.js), local pending text stays before concurrent remote text.
        var client = new OtClient(Id, 0, "ab");
        client.ApplyLocal(TextOperation.ForInsert(2, 0, "X"));      // Xab
        client.ApplyLocal(TextOperation.ForInsert(3, 2, "B"));      // XaBb

        client.ApplyServer(1, TextOperation.ForInsert(2, 1, "R"));

        Assert.Equal("XaBRb", client.Document);
        Assert.Equal(TextOperation.Parse("[2,\"B\",2]"), client.Buffer);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void ApplyServer_OutOfOrderRevision_ThrowsAndChangesNothing(int revision)
    {
        var client = new OtClient(Id, 3, "abc");
        var sent = client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"));

        var ex = Assert.Throws<RevisionOrderException>(() => client.ApplyServer(revision, TextOperation.ForDelete(3, 0, 1)));

        Assert.Equal(4, ex.ExpectedRevision);
        Assert.Equal(3, client.Revision);
        Assert.Equal("Xabc", client.Document);
        Assert.Equal(sent, client.Outstanding);
    }

    [Fact]
    public void ApplyServer_LengthMismatch_ThrowsAndChangesNothing()
    {
        var client = new OtClient(Id, 0, "abc");
        client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"));
        client.ApplyLocal(TextOperation.ForInsert(4, 0, "Y"));

        Assert.Throws<OperationLengthMismatchException>(() => client.ApplyServer(1, TextOperation.ForDelete(4, 0, 1)));

        Assert.Equal(0, client.Revision);
        Assert.Equal("YXabc", client.Document);
        Assert.Equal(TextOperation.ForInsert(3, 0, "X"), client.Outstanding!.Operation);
        Assert.Equal(TextOperation.ForInsert(4, 0, "Y"), client.Buffer);
    }

    [Fact]
    public void Receive_OwnOutstanding_AcknowledgesAndReleasesBuffer()
    {
        var client = new OtClient(Id, 0, "abc");
        var first = client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"))!;
        client.ApplyLocal(TextOperation.ForInsert(4, 4, "Y"));

        var result = client.Receive(new CommittedOperation(1, first.Operation, "author", Id, first.Seq));

        Assert.True(result.IsAcknowledgement);
        Assert.Equal(new OutgoingOperation(Id, 2, 1, TextOperation.ForInsert(4, 4, "Y"), 1), result.ToSend);
        Assert.Equal("XabcY", client.Document);
    }

    [Fact]
    public void Receive_OtherClientsOperation_AppliesItTransformed()
    {
        var client = new OtClient(Id, 0, "abc");
        client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"));

        var result = client.Receive(new CommittedOperation(1, TextOperation.ForInsert(3, 0, "Y"), "author", "tab-2", 1));

        Assert.False(result.IsAcknowledgement);
        Assert.Null(result.ToSend);
        Assert.Equal(TextOperation.Parse("[1,\"Y\",3]"), result.ToApply);
        Assert.Equal("XYabc", client.Document);
    }

    [Fact]
    public void Receive_OwnOperationWithUnknownSeq_ThrowsProtocolExceptionAndChangesNothing()
    {
        var client = new OtClient(Id, 0, "abc");
        var sent = client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"))!;

        Assert.Throws<OtClientProtocolException>(() => client.Receive(new CommittedOperation(1, sent.Operation, "author", Id, 2)));

        Assert.Equal(sent, client.Outstanding);
        Assert.Equal(0, client.Revision);
    }

    [Fact]
    public void Receive_OwnOperationCommittedDifferently_ThrowsProtocolExceptionAndChangesNothing()
    {
        var client = new OtClient(Id, 0, "abc");
        var sent = client.ApplyLocal(TextOperation.ForInsert(3, 0, "X"))!;

        Assert.Throws<OtClientProtocolException>(() =>
            client.Receive(new CommittedOperation(1, TextOperation.ForInsert(3, 1, "X"), "author", Id, sent.Seq)));

        Assert.Equal(sent, client.Outstanding);
        Assert.Equal(0, client.Revision);
    }

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
