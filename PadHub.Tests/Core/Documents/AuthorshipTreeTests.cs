using PadHub.Core.Documents;
using Xunit.Abstractions;

namespace PadHub.Tests.Core.Documents;

public sealed class AuthorshipTreeTests(ITestOutputHelper output)
{
    private static List<(int Author, int Length)> Runs(AuthorshipTree tree)
    {
        var runs = new List<(int Author, int Length)>();
        tree.CopyRunsTo(runs);
        return runs;
    }

    [Fact]
    public void Insert_NextToOwnRun_ExtendsItWithoutANewRun()
    {
        // Arrange
        var tree = new AuthorshipTree();
        tree.Insert(0, 5, author: 1);

        // Act
        tree.Insert(5, 1, author: 1);
        tree.Insert(0, 2, author: 1);
        tree.Insert(3, 1, author: 1);

        // Assert
        Assert.Equal(1, tree.RunCount);
        Assert.Equal([(1, 9)], Runs(tree));
    }

    [Fact]
    public void Insert_TypingInOneRunThenEditingElsewhere_KeepsEveryRunRight()
    {
        // Arrange: three runs; the middle author types many keystrokes (the cached path is reused for each).
        var tree = new AuthorshipTree();
        tree.Insert(0, 5, author: 1);
        tree.Insert(5, 5, author: 2);
        tree.Insert(10, 5, author: 3);
        for (var i = 0; i < 20; i++)
        {
            tree.Insert(10 + i, 1, author: 2);
        }

        // Act: edits before, inside and after that run must not trust the stale position of the cached one.
        tree.Insert(2, 1, author: 1);
        tree.Delete(8, 3);
        tree.Insert(0, 2, author: 3);
        tree.Delete(tree.Length - 2, 2);
        tree.Insert(tree.Length, 1, author: 3);

        // Assert
        Assert.Equal([(3, 2), (1, 6), (2, 22), (3, 4)], Runs(tree));
        tree.CheckInvariants();
    }

    [Fact]
    public void Insert_InsideAnotherAuthorsRun_SplitsItInThree()
    {
        // Arrange
        var tree = new AuthorshipTree();
        tree.Insert(0, 10, author: 1);

        // Act
        tree.Insert(4, 2, author: 2);

        // Assert
        Assert.Equal([(1, 4), (2, 2), (1, 6)], Runs(tree));
        tree.CheckInvariants();
    }

    [Fact]
    public void Insert_AtARunBoundary_DoesNotSplit()
    {
        // Arrange
        var tree = new AuthorshipTree();
        tree.Insert(0, 3, author: 1);
        tree.Insert(3, 3, author: 2);

        // Act
        tree.Insert(3, 1, author: 3);

        // Assert
        Assert.Equal([(1, 3), (3, 1), (2, 3)], Runs(tree));
    }

    [Fact]
    public void Delete_InsideOneRun_ShortensIt()
    {
        // Arrange
        var tree = new AuthorshipTree();
        tree.Insert(0, 10, author: 1);
        tree.Insert(10, 5, author: 2);

        // Act
        tree.Delete(2, 3);

        // Assert
        Assert.Equal([(1, 7), (2, 5)], Runs(tree));
        Assert.Equal(12, tree.Length);
    }

    [Fact]
    public void Delete_AcrossRuns_RemovesThemAndMergesTheSameAuthorEnds()
    {
        // Arrange: 1 2 3 2 1
        var tree = new AuthorshipTree();
        foreach (var author in new[] { 1, 2, 3, 2, 1 })
        {
            tree.Insert(tree.Length, 4, author);
        }

        // Act
        tree.Delete(2, 16);

        // Assert
        Assert.Equal([(1, 4)], Runs(tree));
        Assert.Equal(1, tree.RunCount);
        tree.CheckInvariants();
    }

    [Fact]
    public void Delete_Everything_LeavesAnEmptyTreeThatCanBeReused()
    {
        // Arrange
        var tree = new AuthorshipTree();
        tree.Insert(0, 4, author: 1);
        tree.Insert(2, 4, author: 2);

        // Act
        tree.Delete(0, 8);
        tree.Insert(0, 3, author: 3);

        // Assert
        Assert.Equal([(3, 3)], Runs(tree));
        tree.CheckInvariants();
    }

    [Fact]
    public void Append_SameAuthorAsLastRun_Merges()
    {
        // Arrange
        var tree = new AuthorshipTree();

        // Act
        tree.Append(1, 2);
        tree.Append(1, 3);
        tree.Append(2, 0);
        tree.Append(2, 1);

        // Assert
        Assert.Equal([(1, 5), (2, 1)], Runs(tree));
    }

    [Fact]
    public void Insert_TenThousandAlternatingRuns_StaysLogarithmicallyShallow()
    {
        // Arrange
        var tree = new AuthorshipTree();

        // Act: appending at the end is a classic way to degrade an unbalanced tree into a list.
        for (var i = 0; i < 10_000; i++)
        {
            tree.Insert(tree.Length, 1, author: i % 2);
        }

        // Assert: log2(10,000) ≈ 13.3; a treap's expected height is about 3x that.
        Assert.Equal(10_000, tree.RunCount);
        Assert.InRange(tree.Height(), 14, 60);
        tree.CheckInvariants();
    }

    [Fact]
    public void Insert_RepeatedlyInsideOneLongRun_StaysShallow()
    {
        // Arrange: cutting the same run again and again must not pile nodes into a chain.
        var tree = new AuthorshipTree();
        tree.Insert(0, 100_000, author: 0);

        // Act
        for (var i = 0; i < 5_000; i++)
        {
            tree.Insert(1 + (i * 7), 1, author: 1);
        }

        // Assert
        Assert.Equal(10_001, tree.RunCount);
        Assert.InRange(tree.Height(), 14, 60);
        tree.CheckInvariants();
    }

    [Fact]
    public void InsertAndDelete_RandomEdits_MatchAPerCharacterModel()
    {
        // Arrange
        var random = new Random(TestSeed.Get(output, 424_242));
        var tree = new AuthorshipTree();
        var model = new List<int>();

        // Act + Assert
        for (var step = 0; step < 5_000; step++)
        {
            var position = random.Next(model.Count + 1);
            if (random.NextDouble() < (model.Count > 400 ? 0.7 : 0.4) && position < model.Count)
            {
                var count = random.Next(1, Math.Min(model.Count - position, random.Next(10) == 0 ? 200 : 4) + 1);
                tree.Delete(position, count);
                model.RemoveRange(position, count);
            }
            else
            {
                var author = random.Next(4);
                var length = random.Next(1, 4);
                tree.Insert(position, length, author);
                model.InsertRange(position, Enumerable.Repeat(author, length));
            }

            tree.CheckInvariants();
            Assert.Equal(model.Count, tree.Length);
            Assert.Equal(Fold(model), Runs(tree));
            if (model.Count > 0)
            {
                var probe = random.Next(model.Count);
                Assert.Equal(model[probe], tree.AuthorAt(probe));
            }
        }
    }

    private static List<(int Author, int Length)> Fold(List<int> authors)
    {
        var runs = new List<(int Author, int Length)>();
        foreach (var author in authors)
        {
            if (runs.Count > 0 && runs[^1].Author == author)
            {
                runs[^1] = (author, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((author, 1));
            }
        }

        return runs;
    }
}
