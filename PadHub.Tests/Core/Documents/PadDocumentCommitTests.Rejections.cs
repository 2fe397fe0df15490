using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

// What the document refuses (bad revisions, arguments and text) and that a refusal changes nothing.
public sealed partial class PadDocumentCommitTests
{
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
}
