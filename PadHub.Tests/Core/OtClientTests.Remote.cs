using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

// Operations from the server: transformed against what is outstanding, and the committed log's own echoes.
public sealed partial class OtClientTests
{
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
}
