using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

public sealed class PadDocumentHistoryTests
{
    private static PadDocument Typed(int commits, int retained)
    {
        var document = new PadDocument(new PadDocumentOptions(OperationLimits.Default, retained));
        for (var i = 0; i < commits; i++)
        {
            document.Commit(i, TextOperation.ForInsert(i, i, ((char)('a' + (i % 26))).ToString()), "alice", "alice-tab", i + 1);
        }

        return document;
    }

    [Fact]
    public void GetHistory_FromHead_ReturnsEmpty()
    {
        // Arrange
        var document = Typed(3, 10);

        // Act
        var history = document.GetHistory(3);

        // Assert
        Assert.Empty(history);
    }

    [Fact]
    public void GetHistory_FromEarlierRevision_ReturnsLaterEntriesInOrder()
    {
        // Arrange
        var document = Typed(4, 10);

        // Act
        var history = document.GetHistory(1);

        // Assert
        Assert.Equal([2, 3, 4], history.Select(h => h.Revision));
        Assert.Equal(new CommittedOperation(3, TextOperation.ForInsert(2, 2, "c"), "alice", "alice-tab", 3), history[1]);
    }

    [Fact]
    public void GetHistory_NewDocumentFromZero_ReturnsEmpty()
    {
        // Arrange
        var document = new PadDocument();

        // Act
        var history = document.GetHistory(0);

        // Assert
        Assert.Empty(history);
    }

    [Fact]
    public void GetHistory_AheadOfHead_ThrowsRevisionAhead()
    {
        // Arrange
        var document = Typed(2, 10);

        // Act + Assert
        Assert.Throws<RevisionAheadException>(() => document.GetHistory(3));
    }

    [Fact]
    public void GetHistory_BelowRetainedWindow_ThrowsRevisionTooOld()
    {
        // Arrange
        var document = Typed(10, 4);

        // Act
        var error = Assert.Throws<RevisionTooOldException>(() => document.GetHistory(5));

        // Assert
        Assert.Equal(6, error.Oldest);
        Assert.Equal(4, document.GetHistory(6).Count);
    }

    [Fact]
    public void OldestBaseRevision_FewerCommitsThanRetained_IsZero()
    {
        // Arrange + Act
        var document = Typed(3, 10);

        // Assert
        Assert.Equal(0, document.OldestBaseRevision);
    }

    [Fact]
    public void OldestBaseRevision_MoreCommitsThanRetained_IsRevisionMinusRetained()
    {
        // Arrange + Act
        var document = Typed(25, 7);

        // Assert
        Assert.Equal(18, document.OldestBaseRevision);
    }

    [Fact]
    public void Commit_BaseAtOldestRetained_RebasesOverTheWholeWindow()
    {
        // Arrange: the text grew by appends, so at revision 18 it was its first 18 code units.
        var document = Typed(25, 7);
        var before = document.GetText();

        // Act: insert at the very start of the text as of revision 18.
        var result = document.Commit(18, TextOperation.ForInsert(18, 0, "#"), "bob", "bob-tab", 1);

        // Assert
        Assert.Equal(26, result.Revision);
        Assert.Equal("#" + before, document.GetText());
        Assert.Equal(TextOperation.ForInsert(25, 0, "#"), result.Applied);
    }

    [Fact]
    public void Commit_FarMoreThanRetained_KeepsLogBufferBoundedAndTrimmedInBulk()
    {
        // Arrange
        const int retained = 100;
        var document = new PadDocument(new PadDocumentOptions(OperationLimits.Default, retained));
        var sizes = new HashSet<int>();

        // Act
        for (var i = 0; i < 5_000; i++)
        {
            document.Commit(i, TextOperation.ForInsert(i, i, "x"), "alice", "alice-tab", i + 1);
            sizes.Add(document.LogBufferCount);
            Assert.InRange(document.LogBufferCount, Math.Min(i + 1, retained), 4 * retained);
        }

        // Assert: trimming drops blocks (the buffer shrinks by many entries at once, not one per commit).
        document.CheckInvariants();
        Assert.Equal(retained, document.GetHistory(document.OldestBaseRevision).Count);
        Assert.True(sizes.Max() - sizes.Min() > retained / 2);
    }

    [Fact]
    public void Commit_RetainedHistoryZero_AcceptsOnlyTheHeadAsBase()
    {
        // Arrange
        var document = Typed(3, 0);

        // Act
        var error = Assert.Throws<RevisionTooOldException>(() => document.Commit(2, TextOperation.ForInsert(2, 0, "x"), "bob", "bob-tab", 1));
        var result = document.Commit(3, TextOperation.ForInsert(3, 0, "x"), "bob", "bob-tab", 1);

        // Assert
        Assert.Equal(3, error.Oldest);
        Assert.Equal(4, result.Revision);
        Assert.Empty(document.GetHistory(4));
    }

    [Fact]
    public void Commit_RetainedHistoryZero_ResentSeqThrowsSequenceTooOld()
    {
        // Arrange
        var document = Typed(3, 0);

        // Act + Assert: even the very last commit is out of the (empty) window.
        Assert.Throws<SequenceTooOldException>(() => document.Commit(2, TextOperation.ForInsert(2, 2, "c"), "alice", "alice-tab", 3));
    }

    [Fact]
    public void TryGetCommittedRevision_RetainedSeq_ReturnsItsRevision()
    {
        // Arrange
        var document = Typed(10, 5);

        // Act
        var found = document.TryGetCommittedRevision("alice-tab", 8, out var revision);

        // Assert
        Assert.True(found);
        Assert.Equal(8, revision);
    }

    [Theory]
    [InlineData("alice-tab", 5)]  // committed, then left the window
    [InlineData("alice-tab", 11)] // never committed (above the last seq)
    [InlineData("nobody", 1)]     // unknown client
    public void TryGetCommittedRevision_NotInMemory_ReturnsFalse(string clientId, long seq)
    {
        // Arrange
        var document = Typed(10, 5);

        // Act
        var found = document.TryGetCommittedRevision(clientId, seq, out _);

        // Assert
        Assert.False(found);
    }

    [Fact]
    public void Commit_ManyClientsOverALongHistory_DuplicatesFoundOnlyInsideTheWindow()
    {
        // Arrange: 13 clients take turns; the window keeps 20 revisions.
        var document = new PadDocument(new PadDocumentOptions(OperationLimits.Default, 20));
        var committed = new List<(string Client, long Seq, int Revision)>();
        var seqs = new long[13];
        for (var i = 0; i < 1_000; i++)
        {
            var client = i % 13;
            var seq = ++seqs[client];
            var result = document.Commit(i, TextOperation.ForInsert(i, 0, "x"), $"author-{client}", $"client-{client}", seq);
            committed.Add(($"client-{client}", seq, result.Revision));
        }

        // Act + Assert
        foreach (var (client, seq, revision) in committed)
        {
            var found = document.TryGetCommittedRevision(client, seq, out var foundRevision);
            Assert.Equal(revision > document.OldestBaseRevision, found);
            if (found)
            {
                Assert.Equal(revision, foundRevision);
            }
        }

        document.CheckInvariants();
    }

    [Fact]
    public void Constructor_NegativeRetainedHistory_ThrowsArgumentOutOfRange()
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => new PadDocument(new PadDocumentOptions(OperationLimits.Default, -1)));
    }

    [Fact]
    public void Constructor_NoOptions_UsesDefaults()
    {
        // Act
        var document = new PadDocument();

        // Assert
        Assert.Same(PadDocumentOptions.Default, document.Options);
        Assert.Equal(0, document.Revision);
        Assert.Equal(0, document.Length);
        Assert.Equal(string.Empty, document.GetText());
        Assert.Empty(document.GetAuthorship());
    }
}
