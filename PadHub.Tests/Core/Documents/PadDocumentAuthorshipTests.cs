using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

public sealed class PadDocumentAuthorshipTests
{
    private readonly PadDocument _document = new();
    private readonly NaiveDocument _model = new();
    private readonly Dictionary<string, long> _seqs = [];

    private void At(int position, string text, string author) =>
        Commit(TextOperation.ForInsert(_document.Length, position, text), author);

    private void Delete(int position, int count, string author) =>
        Commit(TextOperation.ForDelete(_document.Length, position, count), author);

    private void Commit(TextOperation operation, string author)
    {
        _seqs[author] = _seqs.GetValueOrDefault(author) + 1;
        _document.Commit(_document.Revision, operation, author, author + "-tab", _seqs[author]);
        _model.Commit(_model.Revision, operation, author);
        Assert.Equal(_model.Text, _document.GetText());
        Assert.Equal(_model.Runs(), _document.GetAuthorship());
        _document.CheckInvariants();
    }

    [Fact]
    public void GetAuthorship_TypingByOneAuthor_IsOneRun()
    {
        // Act
        foreach (var ch in "typing along")
        {
            At(_document.Length, ch.ToString(), "alice");
        }

        // Assert
        Assert.Equal([new AuthorRun("alice", 12)], _document.GetAuthorship());
    }

    [Fact]
    public void GetAuthorship_TypingBeforeOwnRun_ExtendsIt()
    {
        // Arrange
        At(0, "world", "alice");
        At(0, "xx", "bob");

        // Act: alice types right before her own run (after bob's).
        At(2, "hello ", "alice");

        // Assert
        Assert.Equal([new AuthorRun("bob", 2), new AuthorRun("alice", 11)], _document.GetAuthorship());
    }

    [Fact]
    public void GetAuthorship_InsertInsideAnotherAuthorsRun_SplitsIt()
    {
        // Arrange
        At(0, "abcdef", "alice");

        // Act
        At(3, "XY", "bob");

        // Assert
        Assert.Equal([new AuthorRun("alice", 3), new AuthorRun("bob", 2), new AuthorRun("alice", 3)], _document.GetAuthorship());
    }

    [Fact]
    public void GetAuthorship_DeleteTheRunBetweenTwoRunsOfOneAuthor_MergesThem()
    {
        // Arrange
        At(0, "abcdef", "alice");
        At(3, "XY", "bob");

        // Act
        Delete(3, 2, "carol");

        // Assert
        Assert.Equal([new AuthorRun("alice", 6)], _document.GetAuthorship());
    }

    [Fact]
    public void GetAuthorship_DeleteAcrossManyRuns_RemovesThemAndMergesTheEnds()
    {
        // Arrange: a b a c a b a c a b a c a
        At(0, "aaaaaaa", "alice");
        for (var i = 0; i < 6; i++)
        {
            At(1 + (i * 2), "b", i % 2 == 0 ? "bob" : "carol");
        }

        // Act
        Delete(1, 11, "dave");

        // Assert
        Assert.Equal("aa", _document.GetText());
        Assert.Equal([new AuthorRun("alice", 2)], _document.GetAuthorship());
    }

    [Fact]
    public void GetAuthorship_DeleteEverything_IsEmpty()
    {
        // Arrange
        At(0, "abc", "alice");
        At(1, "xyz", "bob");

        // Act
        Delete(0, 6, "carol");

        // Assert
        Assert.Empty(_document.GetAuthorship());
        Assert.Equal(string.Empty, _document.GetText());
    }

    [Fact]
    public void GetAuthorship_ReplaceInOneOperation_NewTextBelongsToTheReplacer()
    {
        // Arrange
        At(0, "hello world", "alice");

        // Act
        Commit(new TextOperation.Builder().Retain(6).Delete(5).Insert("there").Build(), "bob");

        // Assert
        Assert.Equal([new AuthorRun("alice", 6), new AuthorRun("bob", 5)], _document.GetAuthorship());
    }

    [Fact]
    public void GetAuthorship_InterleavedInsertsAndDeletesByThreeAuthors_MatchesTheNaiveModel()
    {
        // Act: a scripted session; Commit checks text and runs against the model after every step.
        At(0, "The quick fox", "alice");
        At(10, "brown ", "bob");
        At(4, "very ", "carol");
        Delete(0, 4, "bob");
        At(0, "A ", "alice");
        At(_document.Length, " jumps", "carol");
        Delete(7, 10, "alice");
        At(7, "sly", "bob");
        At(8, "-", "alice");
        Delete(2, 3, "carol");
        At(_document.Length, ".", "alice");
        Delete(_document.Length - 3, 3, "bob");
        At(1, "~", "carol");

        // Assert
        Assert.Equal(_model.Runs(), _document.GetAuthorship());
        Assert.Equal(_document.Length, _document.GetAuthorship().Sum(r => r.Length));
    }

    [Fact]
    public void GetAuthorship_EqualAuthorIdsFromDifferentStrings_ShareRuns()
    {
        // Arrange: ids are compared by value, not by reference.
        At(0, "ab", new string("alice".AsSpan()));

        // Act
        At(2, "cd", new string("alice".AsSpan()));

        // Assert
        Assert.Equal([new AuthorRun("alice", 4)], _document.GetAuthorship());
    }
}
