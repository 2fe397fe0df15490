using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

public sealed partial class PadDocumentCommitTests
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
