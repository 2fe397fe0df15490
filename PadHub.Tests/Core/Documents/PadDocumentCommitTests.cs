using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

public sealed class PadDocumentCommitTests
{
    private static PadDocument WithText(string text, string author = "alice")
    {
        var document = new PadDocument();
        document.Commit(0, TextOperation.ForInsert(0, 0, text), author, "setup", 1);
        return document;
    }

    [Fact]
    public void Commit_NewDocumentAtHead_AppliesAndReturnsRevisionOne()
    {
        // Arrange
        var document = new PadDocument();

        // Act
        var result = document.Commit(0, TextOperation.ForInsert(0, 0, "hello"), "alice", "tab-1", 1);

        // Assert
        Assert.Equal(1, result.Revision);
        Assert.False(result.Duplicate);
        Assert.Equal(TextOperation.ForInsert(0, 0, "hello"), result.Applied);
        Assert.Equal("hello", document.GetText());
        Assert.Equal(5, document.Length);
        Assert.Equal(1, document.Revision);
        Assert.Equal([new AuthorRun("alice", 5)], document.GetAuthorship());
    }

    [Fact]
    public void Commit_SuccessiveAtHead_EachProducesTheNextRevision()
    {
        // Arrange
        var document = new PadDocument();
        var revisions = new List<int>();

        // Act
        foreach (var (ch, seq) in "abc".Select((c, i) => (c, i + 1)))
        {
            revisions.Add(document.Commit(document.Revision, TextOperation.ForInsert(document.Length, document.Length, ch.ToString()), "alice", "tab-1", seq).Revision);
        }

        // Assert
        Assert.Equal([1, 2, 3], revisions);
        Assert.Equal("abc", document.GetText());
    }

    [Fact]
    public void Commit_StaleBase_RebasesOverEveryLaterOperationLikeTheNaiveModel()
    {
        // Arrange: three commits after revision 1, then one based on revision 1.
        var document = new PadDocument();
        var model = new NaiveDocument();
        (int Base, TextOperation Op, string Author)[] steps =
        [
            (0, TextOperation.ForInsert(0, 0, "hello world"), "alice"),
            (1, TextOperation.ForInsert(11, 5, ","), "bob"),
            (2, TextOperation.ForDelete(12, 0, 1), "carol"),
            (3, TextOperation.ForInsert(11, 11, "!"), "bob"),
            (1, new TextOperation.Builder().Retain(6).Delete(5).Insert("there").Build(), "dave"),
        ];

        // Act
        var seq = 0;
        foreach (var (baseRevision, operation, author) in steps)
        {
            var result = document.Commit(baseRevision, operation, author, author, ++seq);
            var expected = model.Commit(baseRevision, operation, author);
            Assert.Equal(expected, result.Applied);
        }

        // Assert
        Assert.Equal("ello, there!", document.GetText());
        Assert.Equal(model.Text, document.GetText());
        Assert.Equal(model.Runs(), document.GetAuthorship());
        document.CheckInvariants();
    }

    [Fact]
    public void Commit_ConcurrentInsertsAtSamePosition_IncomingInsertGoesFirst()
    {
        // Arrange
        var document = WithText("ab");
        document.Commit(1, TextOperation.ForInsert(2, 1, "X"), "bob", "bob-tab", 1);

        // Act
        var result = document.Commit(1, TextOperation.ForInsert(2, 1, "Y"), "carol", "carol-tab", 1);

        // Assert
        Assert.Equal("aYXb", document.GetText());
        Assert.Equal(TextOperation.ForInsert(3, 1, "Y"), result.Applied);
    }

    [Fact]
    public void Commit_StaleBaseOverDeletedRange_RebasedDeleteShrinks()
    {
        // Arrange
        var document = WithText("abcdef");
        document.Commit(1, TextOperation.ForDelete(6, 1, 3), "bob", "bob-tab", 1); // "aef"

        // Act: carol deletes "cde" without having seen bob's delete of "bcd".
        var result = document.Commit(1, TextOperation.ForDelete(6, 2, 3), "carol", "carol-tab", 1);

        // Assert
        Assert.Equal("af", document.GetText());
        Assert.Equal(TextOperation.ForDelete(3, 1, 1), result.Applied);
        Assert.Equal([new AuthorRun("alice", 2)], document.GetAuthorship());
    }

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
    public void Commit_BaseAheadOfHead_ThrowsRevisionAheadAndChangesNothing()
    {
        // Arrange
        var document = WithText("abc");
        var before = DocumentState.Of(document);

        // Act
        var error = Assert.Throws<RevisionAheadException>(() => document.Commit(2, TextOperation.ForInsert(3, 0, "x"), "bob", "bob-tab", 1));

        // Assert
        Assert.Equal(2, error.BaseRevision);
        Assert.Equal(1, error.Head);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_BaseBelowRetainedWindow_ThrowsRevisionTooOld()
    {
        // Arrange
        var document = new PadDocument(new PadDocumentOptions(OperationLimits.Default, 2));
        for (var i = 0; i < 5; i++)
        {
            document.Commit(i, TextOperation.ForInsert(i, i, "x"), "alice", "alice-tab", i + 1);
        }

        var before = DocumentState.Of(document);

        // Act
        var error = Assert.Throws<RevisionTooOldException>(() => document.Commit(2, TextOperation.ForInsert(2, 0, "y"), "bob", "bob-tab", 1));

        // Assert
        Assert.Equal(3, document.OldestBaseRevision);
        Assert.Equal(2, error.BaseRevision);
        Assert.Equal(3, error.Oldest);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_NegativeBase_ThrowsRevisionTooOld()
    {
        // Arrange
        var document = new PadDocument();

        // Act
        var error = Assert.Throws<RevisionTooOldException>(() => document.Commit(-1, TextOperation.ForInsert(0, 0, "x"), "alice", "tab", 1));

        // Assert
        Assert.Equal(-1, error.BaseRevision);
        Assert.Equal(0, document.Revision);
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

    [Theory]
    [InlineData(null, "tab")]
    [InlineData("", "tab")]
    [InlineData("alice", null)]
    [InlineData("alice", "")]
    public void Commit_NullOrEmptyId_ThrowsArgumentException(string? authorId, string? clientId)
    {
        // Arrange
        var document = new PadDocument();

        // Act + Assert
        Assert.ThrowsAny<ArgumentException>(() => document.Commit(0, TextOperation.ForInsert(0, 0, "x"), authorId!, clientId!, 1));
        Assert.Equal(0, document.Revision);
    }

    [Fact]
    public void Commit_NullOperation_ThrowsArgumentNullException()
    {
        // Arrange
        var document = new PadDocument();

        // Act + Assert
        Assert.Throws<ArgumentNullException>(() => document.Commit(0, null!, "alice", "tab", 1));
    }

    [Fact]
    public void Commit_BaseLengthMismatch_ThrowsAndChangesNothing()
    {
        // Arrange
        var document = WithText("abc");
        var before = DocumentState.Of(document);

        // Act
        Assert.Throws<OperationLengthMismatchException>(() => document.Commit(1, TextOperation.ForInsert(4, 0, "x"), "bob", "bob-tab", 1));

        // Assert
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_StaleOperationNotMatchingItsBase_ThrowsAndChangesNothing()
    {
        // Arrange: at revision 1 the text had 3 code units; this operation claims 4.
        var document = WithText("abc");
        document.Commit(1, TextOperation.ForInsert(3, 3, "d"), "alice", "setup", 2);
        var before = DocumentState.Of(document);

        // Act
        Assert.Throws<OperationLengthMismatchException>(() => document.Commit(1, TextOperation.ForInsert(4, 0, "x"), "bob", "bob-tab", 1));

        // Assert
        before.AssertSameAs(document);
    }

    [Theory]
    [InlineData(2)] // between the high and the low surrogate of 😀
    public void Commit_InsertInsideSurrogatePair_ThrowsSurrogateSplitAndChangesNothing(int position)
    {
        // Arrange
        var document = WithText("a😀b");
        var before = DocumentState.Of(document);

        // Act
        var error = Assert.Throws<SurrogateSplitException>(() => document.Commit(1, TextOperation.ForInsert(4, position, "x"), "bob", "bob-tab", 1));

        // Assert
        Assert.Equal(position, error.Position);
        before.AssertSameAs(document);
    }

    [Theory]
    [InlineData(1, 1)] // the high surrogate alone
    [InlineData(2, 1)] // the low surrogate alone
    [InlineData(0, 2)] // "a" and the high surrogate
    [InlineData(2, 2)] // the low surrogate and "b"
    public void Commit_DeleteHalfASurrogatePair_ThrowsSurrogateSplitAndChangesNothing(int position, int count)
    {
        // Arrange
        var document = WithText("a😀b");
        var before = DocumentState.Of(document);

        // Act
        Assert.Throws<SurrogateSplitException>(() => document.Commit(1, TextOperation.ForDelete(4, position, count), "bob", "bob-tab", 1));

        // Assert
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_DeleteWholeSurrogatePair_Succeeds()
    {
        // Arrange
        var document = WithText("a😀b");

        // Act
        document.Commit(1, TextOperation.ForDelete(4, 1, 2), "bob", "bob-tab", 1);

        // Assert
        Assert.Equal("ab", document.GetText());
    }

    [Fact]
    public void Commit_StaleInsertRebasedNextToPair_DoesNotSplitIt()
    {
        // Arrange: bob inserts an emoji before "b" while carol, unaware, inserts at the same place.
        var document = WithText("ab");
        document.Commit(1, TextOperation.ForInsert(2, 1, "😀"), "bob", "bob-tab", 1);

        // Act
        document.Commit(1, TextOperation.ForInsert(2, 1, "x"), "carol", "carol-tab", 1);

        // Assert
        Assert.Equal("ax😀b", document.GetText());
        Assert.Equal([new AuthorRun("alice", 1), new AuthorRun("carol", 1), new AuthorRun("bob", 2), new AuthorRun("alice", 1)], document.GetAuthorship());
    }

    [Theory]
    [InlineData(0xD83D)] // lone high surrogate (passed as a number: xunit would mangle a lone surrogate in a string)
    [InlineData(0xDE00)] // lone low surrogate
    public void Commit_InsertLoneSurrogate_ThrowsMalformedTextAndChangesNothing(int surrogate)
    {
        // Arrange
        var text = "x" + (char)surrogate + "y";
        var document = WithText("abc");
        var before = DocumentState.Of(document);

        // Act
        Assert.Throws<MalformedTextException>(() => document.Commit(1, TextOperation.ForInsert(3, 1, text), "bob", "bob-tab", 1));

        // Assert
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_InsertCarriageReturn_ThrowsAndChangesNothing()
    {
        // Arrange
        var document = WithText("abc");
        var before = DocumentState.Of(document);

        // Act
        Assert.Throws<CarriageReturnException>(() => document.Commit(1, TextOperation.ForInsert(3, 1, "x\r\ny"), "bob", "bob-tab", 1));

        // Assert
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_OverDocumentLengthLimit_ThrowsTooLargeAndChangesNothing()
    {
        // Arrange
        var document = new PadDocument(new PadDocumentOptions(new OperationLimits(5, 100, 100), 10));
        document.Commit(0, TextOperation.ForInsert(0, 0, "abcd"), "alice", "tab", 1);
        var before = DocumentState.Of(document);

        // Act
        var error = Assert.Throws<OperationTooLargeException>(() => document.Commit(1, TextOperation.ForInsert(4, 4, "ef"), "bob", "bob-tab", 1));

        // Assert
        Assert.Equal(6, error.Value);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_AfterARejectedCommit_SameSeqCanBeCommitted()
    {
        // Arrange
        var document = WithText("abc");
        Assert.Throws<CarriageReturnException>(() => document.Commit(1, TextOperation.ForInsert(3, 0, "\r"), "bob", "bob-tab", 1));

        // Act
        var result = document.Commit(1, TextOperation.ForInsert(3, 0, "x"), "bob", "bob-tab", 1);

        // Assert
        Assert.False(result.Duplicate);
        Assert.Equal("xabc", document.GetText());
    }

    [Fact]
    public void Commit_NoopOperation_StillProducesARevision()
    {
        // Arrange
        var document = WithText("abc");

        // Act
        var result = document.Commit(1, TextOperation.Identity(3), "bob", "bob-tab", 1);

        // Assert
        Assert.Equal(2, result.Revision);
        Assert.Equal("abc", document.GetText());
        Assert.Equal([new AuthorRun("alice", 3)], document.GetAuthorship());
    }

    [Fact]
    public void Commit_ManyComponentsInOneOperation_AppliesEachAtItsPlace()
    {
        // Arrange
        var document = WithText("0123456789");
        var operation = new TextOperation.Builder()
            .Insert("<").Retain(2).Delete(2).Insert("AB").Retain(3).Insert("|").Delete(1).Retain(2).Insert(">").Build();

        // Act
        document.Commit(1, operation, "bob", "bob-tab", 1);

        // Assert
        Assert.Equal("<01AB456|89>", document.GetText());
        Assert.Equal(
            [new AuthorRun("bob", 1), new AuthorRun("alice", 2), new AuthorRun("bob", 2), new AuthorRun("alice", 3), new AuthorRun("bob", 1), new AuthorRun("alice", 2), new AuthorRun("bob", 1)],
            document.GetAuthorship());
        document.CheckInvariants();
    }
}
