using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

public sealed class PadDocumentSnapshotTests
{
    private static PadDocument Edited()
    {
        var document = new PadDocument();
        document.Commit(0, TextOperation.ForInsert(0, 0, "hello world"), "alice", "alice-tab", 1);
        document.Commit(1, TextOperation.ForInsert(11, 5, ", dear"), "bob", "bob-tab", 1);
        document.Commit(2, TextOperation.ForDelete(17, 0, 1), "carol", "carol-tab", 1);
        document.Commit(3, TextOperation.ForInsert(16, 0, "H"), "carol", "carol-tab", 2);
        return document;
    }

    [Fact]
    public void CreateSnapshot_AfterEdits_CapturesTextRevisionAndMergedRuns()
    {
        // Arrange
        var document = Edited();

        // Act
        var snapshot = document.CreateSnapshot();

        // Assert
        Assert.Equal(4, snapshot.Revision);
        Assert.Equal("Hello, dear world", snapshot.Text);
        Assert.Equal(
            [new AuthorRun("carol", 1), new AuthorRun("alice", 4), new AuthorRun("bob", 6), new AuthorRun("alice", 6)],
            snapshot.Authorship);
    }

    [Fact]
    public void FromSnapshot_RoundTrip_RestoresTextAuthorshipAndRevision()
    {
        // Arrange
        var snapshot = Edited().CreateSnapshot();

        // Act
        var restored = PadDocument.FromSnapshot(snapshot);

        // Assert
        Assert.Equal(snapshot.Revision, restored.Revision);
        Assert.Equal(snapshot.Text, restored.GetText());
        Assert.Equal(snapshot.Authorship, restored.GetAuthorship());
        Assert.Equal(snapshot, restored.CreateSnapshot() with { Authorship = snapshot.Authorship });
        restored.CheckInvariants();
    }

    [Fact]
    public void FromSnapshot_LogStartsEmpty_OldestBaseIsTheSnapshotRevision()
    {
        // Arrange
        var snapshot = Edited().CreateSnapshot();

        // Act
        var restored = PadDocument.FromSnapshot(snapshot);

        // Assert
        Assert.Equal(4, restored.OldestBaseRevision);
        Assert.Empty(restored.GetHistory(4));
        Assert.Throws<RevisionTooOldException>(() => restored.GetHistory(3));
        Assert.Throws<RevisionTooOldException>(() => restored.Commit(3, TextOperation.ForInsert(16, 0, "x"), "dave", "dave-tab", 1));
    }

    [Fact]
    public void FromSnapshot_ThenCommit_ContinuesFromTheSnapshotRevision()
    {
        // Arrange
        var restored = PadDocument.FromSnapshot(Edited().CreateSnapshot());

        // Act
        var result = restored.Commit(4, TextOperation.ForInsert(17, 17, "!"), "dave", "dave-tab", 1);

        // Assert
        Assert.Equal(5, result.Revision);
        Assert.Equal("Hello, dear world!", restored.GetText());
        Assert.Equal(new AuthorRun("dave", 1), restored.GetAuthorship()[^1]);
    }

    [Fact]
    public void FromSnapshot_AdjacentSameAuthorAndEmptyRuns_AreMerged()
    {
        // Arrange
        var snapshot = new PadSnapshot(7, "abcdef", [new AuthorRun("a", 2), new AuthorRun("b", 0), new AuthorRun("a", 1), new AuthorRun("c", 3)]);

        // Act
        var restored = PadDocument.FromSnapshot(snapshot);

        // Assert
        Assert.Equal([new AuthorRun("a", 3), new AuthorRun("c", 3)], restored.GetAuthorship());
        restored.CheckInvariants();
    }

    [Fact]
    public void FromSnapshot_EmptyText_HasNoRuns()
    {
        // Act
        var restored = PadDocument.FromSnapshot(new PadSnapshot(3, string.Empty, []));

        // Assert
        Assert.Equal(3, restored.Revision);
        Assert.Equal(0, restored.Length);
        Assert.Empty(restored.GetAuthorship());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    public void FromSnapshot_RunsNotCoveringTheText_ThrowsArgumentException(int covered)
    {
        // Arrange
        var snapshot = new PadSnapshot(1, "abcdef", [new AuthorRun("a", covered)]);

        // Act + Assert
        Assert.Throws<ArgumentException>(() => PadDocument.FromSnapshot(snapshot));
    }

    [Fact]
    public void FromSnapshot_NegativeRun_ThrowsArgumentException()
    {
        // Arrange: the sum is right, one run is negative.
        var snapshot = new PadSnapshot(1, "ab", [new AuthorRun("a", 3), new AuthorRun("b", -1)]);

        // Act + Assert
        Assert.Throws<ArgumentException>(() => PadDocument.FromSnapshot(snapshot));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FromSnapshot_RunWithoutAuthor_ThrowsArgumentException(string? author)
    {
        // Arrange
        var snapshot = new PadSnapshot(1, "ab", [new AuthorRun(author!, 2)]);

        // Act + Assert
        Assert.Throws<ArgumentException>(() => PadDocument.FromSnapshot(snapshot));
    }

    [Fact]
    public void FromSnapshot_NegativeRevision_ThrowsArgumentException()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => PadDocument.FromSnapshot(new PadSnapshot(-1, string.Empty, [])));
    }

    [Fact]
    public void Replay_HistoryAfterASnapshot_RebuildsTheSameDocument()
    {
        // Arrange: snapshot at revision 2 of a document that went on to revision 4.
        var original = new PadDocument();
        original.Commit(0, TextOperation.ForInsert(0, 0, "hello world"), "alice", "alice-tab", 1);
        original.Commit(1, TextOperation.ForInsert(11, 5, ", dear"), "bob", "bob-tab", 1);
        var snapshot = original.CreateSnapshot();
        original.Commit(2, TextOperation.ForDelete(17, 0, 1), "carol", "carol-tab", 1);
        original.Commit(2, TextOperation.ForInsert(17, 17, "!"), "bob", "bob-tab", 2);
        var restored = PadDocument.FromSnapshot(snapshot);

        // Act
        foreach (var entry in original.GetHistory(2))
        {
            restored.Replay(entry);
        }

        // Assert
        Assert.Equal(original.Revision, restored.Revision);
        Assert.Equal(original.GetText(), restored.GetText());
        Assert.Equal(original.GetAuthorship(), restored.GetAuthorship());
        Assert.Equal(original.GetHistory(2), restored.GetHistory(2));
        restored.CheckInvariants();
    }

    [Fact]
    public void Replay_ThenResubmitTheSameSeq_IsADuplicate()
    {
        // Arrange
        var restored = PadDocument.FromSnapshot(new PadSnapshot(5, "abc", [new AuthorRun("alice", 3)]));
        var operation = TextOperation.ForInsert(3, 3, "d");
        restored.Replay(new CommittedOperation(6, operation, "bob", "bob-tab", 9));

        // Act
        var result = restored.Commit(5, TextOperation.ForInsert(3, 3, "d"), "bob", "bob-tab", 9);

        // Assert
        Assert.Equal(new CommitResult(operation, 6, Duplicate: true), result);
        Assert.Equal("abcd", restored.GetText());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    public void Replay_NotTheNextRevision_ThrowsInvalidOperationAndChangesNothing(int revision)
    {
        // Arrange
        var restored = PadDocument.FromSnapshot(new PadSnapshot(5, "abc", [new AuthorRun("alice", 3)]));
        var before = DocumentState.Of(restored);

        // Act
        var error = Assert.Throws<InvalidOperationException>(() =>
            restored.Replay(new CommittedOperation(revision, TextOperation.ForInsert(3, 3, "d"), "bob", "bob-tab", 1)));

        // Assert
        Assert.Contains("revision 6", error.Message, StringComparison.Ordinal);
        before.AssertSameAs(restored);
    }

    [Fact]
    public void Replay_SeqNotAboveTheClientsLast_ThrowsInvalidOperation()
    {
        // Arrange
        var document = new PadDocument();
        document.Replay(new CommittedOperation(1, TextOperation.ForInsert(0, 0, "a"), "bob", "bob-tab", 4));

        // Act + Assert
        Assert.Throws<InvalidOperationException>(() =>
            document.Replay(new CommittedOperation(2, TextOperation.ForInsert(1, 1, "b"), "bob", "bob-tab", 4)));
        Assert.Equal("a", document.GetText());
    }

    [Fact]
    public void Replay_WrongBaseLength_ThrowsAndChangesNothing()
    {
        // Arrange
        var document = PadDocument.FromSnapshot(new PadSnapshot(5, "abc", [new AuthorRun("alice", 3)]));
        var before = DocumentState.Of(document);

        // Act
        Assert.Throws<OperationLengthMismatchException>(() =>
            document.Replay(new CommittedOperation(6, TextOperation.ForInsert(4, 0, "x"), "bob", "bob-tab", 1)));

        // Assert
        before.AssertSameAs(document);
    }

    [Fact]
    public void Replay_OverTheCurrentLimits_IsStillApplied()
    {
        // Arrange: limits tightened since the operation was committed.
        var document = new PadDocument(new PadDocumentOptions(new OperationLimits(2, 2, 2), 10));

        // Act
        document.Replay(new CommittedOperation(1, TextOperation.ForInsert(0, 0, "hello"), "alice", "alice-tab", 1));

        // Assert
        Assert.Equal("hello", document.GetText());
    }

    [Fact]
    public void Replay_MissingOperation_ThrowsArgumentException()
    {
        // Arrange
        var document = new PadDocument();

        // Act + Assert
        Assert.Throws<ArgumentException>(() => document.Replay(new CommittedOperation(1, null!, "alice", "tab", 1)));
    }
}
