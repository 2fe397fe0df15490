using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

// Idempotence: a (client, seq) pair commits once; a repeat returns the original result, an older seq is refused.
public sealed partial class PadDocumentCommitTests
{
    [Fact]
    public void Commit_SameClientAndSeqAgain_ReturnsOriginalResultAndChangesNothing()
    {
        // Arrange
        var document = WithText("hello");
        var original = document.Commit(1, TextOperation.ForInsert(5, 5, "!"), "bob", "bob-tab", 7);
        var before = DocumentState.Of(document);

        // Act
        var again = document.Commit(1, TextOperation.ForInsert(5, 5, "!"), "bob", "bob-tab", 7);

        // Assert
        Assert.True(again.Duplicate);
        Assert.Equal(original.Revision, again.Revision);
        Assert.Equal(original.Applied, again.Applied);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_DuplicateAfterLaterCommits_ReturnsOriginalRevisionAndRebasedOperation()
    {
        // Arrange: bob's op was rebased when committed; later commits follow it.
        var document = WithText("hello");
        document.Commit(1, TextOperation.ForInsert(5, 0, ">"), "alice", "alice-tab", 1);
        var original = document.Commit(1, TextOperation.ForInsert(5, 5, "!"), "bob", "bob-tab", 1);
        document.Commit(3, TextOperation.ForInsert(7, 7, "?"), "alice", "alice-tab", 2);
        var before = DocumentState.Of(document);

        // Act: the resend carries the original base and operation, whatever it is now.
        var again = document.Commit(1, TextOperation.ForInsert(5, 5, "!"), "bob", "bob-tab", 1);

        // Assert
        Assert.Equal(new CommitResult(original.Applied, 3, Duplicate: true), again);
        Assert.Equal(TextOperation.ForInsert(6, 6, "!"), again.Applied);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_DuplicateWhoseBaseIsNowTooOld_IsStillADuplicate()
    {
        // Arrange: bob's op based on revision 1 lands as revision 4; one more commit moves the window past base 1.
        var document = new PadDocument(new PadDocumentOptions(OperationLimits.Default, 3));
        document.Commit(0, TextOperation.ForInsert(0, 0, "a"), "alice", "alice-tab", 1);
        document.Commit(1, TextOperation.ForInsert(1, 1, "b"), "alice", "alice-tab", 2);
        document.Commit(2, TextOperation.ForInsert(2, 2, "c"), "alice", "alice-tab", 3);
        var original = document.Commit(1, TextOperation.ForInsert(1, 0, "x"), "bob", "bob-tab", 1);
        document.Commit(4, TextOperation.ForInsert(4, 4, "d"), "alice", "alice-tab", 4);

        // Act
        var again = document.Commit(1, TextOperation.ForInsert(1, 0, "x"), "bob", "bob-tab", 1);

        // Assert
        Assert.Equal(2, document.OldestBaseRevision);
        Assert.Equal(new CommitResult(original.Applied, 4, Duplicate: true), again);
    }

    [Fact]
    public void Commit_OldSeqNoLongerRetained_ThrowsSequenceTooOld()
    {
        // Arrange
        var document = new PadDocument(new PadDocumentOptions(OperationLimits.Default, 2));
        for (var i = 0; i < 5; i++)
        {
            document.Commit(i, TextOperation.ForInsert(i, i, "x"), "alice", "alice-tab", i + 1);
        }

        var before = DocumentState.Of(document);

        // Act: seq 2 made revision 2, which is at or below OldestBaseRevision (3).
        var error = Assert.Throws<SequenceTooOldException>(() => document.Commit(1, TextOperation.ForInsert(1, 1, "x"), "alice", "alice-tab", 2));

        // Assert
        Assert.Equal("alice-tab", error.ClientId);
        Assert.Equal(2, error.Seq);
        Assert.Equal(5, error.LastSeq);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_SeqBelowLastThatWasNeverCommitted_ThrowsSequenceTooOld()
    {
        // Arrange: seqs 10 and 20 committed; 15 never was.
        var document = WithText("abc");
        document.Commit(1, TextOperation.ForInsert(3, 0, "x"), "bob", "bob-tab", 10);
        document.Commit(2, TextOperation.ForInsert(4, 0, "y"), "bob", "bob-tab", 20);

        // Act + Assert: committing it now would break per-client seq order, and it cannot be told from a lost one.
        Assert.Throws<SequenceTooOldException>(() => document.Commit(3, TextOperation.ForInsert(5, 0, "z"), "bob", "bob-tab", 15));
        Assert.Equal("yxabc", document.GetText());
    }

    [Fact]
    public void Commit_SeqsWithGaps_AreAccepted()
    {
        // Arrange
        var document = new PadDocument();

        // Act
        document.Commit(0, TextOperation.ForInsert(0, 0, "a"), "alice", "tab", 5);
        document.Commit(1, TextOperation.ForInsert(1, 1, "b"), "alice", "tab", 9);

        // Assert
        Assert.True(document.TryGetCommittedRevision("tab", 5, out var first));
        Assert.True(document.TryGetCommittedRevision("tab", 9, out var second));
        Assert.Equal((1, 2), (first, second));
    }

    [Fact]
    public void Commit_SameSeqFromAnotherClient_IsNotADuplicate()
    {
        // Arrange
        var document = WithText("a");

        // Act
        var result = document.Commit(1, TextOperation.ForInsert(1, 1, "b"), "alice", "other-tab", 1);

        // Assert
        Assert.False(result.Duplicate);
        Assert.Equal(2, result.Revision);
    }
}
