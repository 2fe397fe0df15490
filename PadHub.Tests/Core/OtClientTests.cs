using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

public sealed partial class OtClientTests
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
}
