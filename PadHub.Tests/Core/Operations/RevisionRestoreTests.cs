using PadHub.Core.Operations;
using Xunit.Abstractions;

namespace PadHub.Tests.Core.Operations;

/// <summary>What a restore brings back: the whole revision exactly, or one passage of it, leaving the rest of the head alone.</summary>
public sealed class RevisionRestoreTests(ITestOutputHelper output)
{
    private const string Revision = "Intro line\n\nThe wiped paragraph.\n\nClosing line\n";

    [Fact]
    public void Passage_DeletedParagraphWithTypingAroundIt_ComesBackWhereItWasAndKeepsTheTyping()
    {
        // Arrange: after the revision, typing at the start, the paragraph deleted, typing where it was and at the end.
        var (from, to) = Span(Revision, "The wiped paragraph.\n\n");
        var chain = Chain(Revision,
            text => TextOperation.ForInsert(text.Length, 0, "1"),
            text => TextOperation.ForDelete(text.Length, text.IndexOf("The wiped", StringComparison.Ordinal), to - from),
            text => TextOperation.ForInsert(text.Length, text.IndexOf("Closing", StringComparison.Ordinal), "2"),
            text => TextOperation.ForInsert(text.Length, text.Length, "3"));
        var head = chain.Compose().Apply(Revision);

        // Act
        var restored = RevisionRestore.Passage(chain.Compose(), Revision, from, to).Apply(head);

        // Assert
        Assert.Equal("1Intro line\n\n2The wiped paragraph.\n\nClosing line\n3", restored);
    }

    [Fact]
    public void Passage_TextChangedInsideIt_ReadsAsInTheRevisionAndTextOutsideItStays()
    {
        var (from, to) = Span(Revision, "wiped");
        var chain = Chain(Revision,
            text => TextOperation.ForDelete(text.Length, text.IndexOf("wiped", StringComparison.Ordinal) + 1, 3),
            text => TextOperation.ForInsert(text.Length, text.IndexOf("wd", StringComparison.Ordinal) + 1, "XY"),
            text => TextOperation.ForInsert(text.Length, text.IndexOf("Intro", StringComparison.Ordinal) + 5, "!"));
        var head = chain.Compose().Apply(Revision);

        var restored = RevisionRestore.Passage(chain.Compose(), Revision, from, to).Apply(head);

        Assert.Equal("wXYd", head.Substring(head.IndexOf("wXYd", StringComparison.Ordinal), 4));
        Assert.Equal("Intro! line\n\nThe wiped paragraph.\n\nClosing line\n", restored);
    }

    [Fact]
    public void Passage_NothingChangedInIt_IsANoop()
    {
        var (from, to) = Span(Revision, "Closing line");
        var chain = Chain(Revision, text => TextOperation.ForDelete(text.Length, 0, 6));

        var operation = RevisionRestore.Passage(chain.Compose(), Revision, from, to);

        Assert.True(operation.IsNoop);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(0, 1000)]
    public void Passage_NotANonEmptyPartOfTheText_Throws(int from, int to)
    {
        var since = TextOperation.Identity(Revision.Length);

        Assert.Throws<ArgumentOutOfRangeException>(() => RevisionRestore.Passage(since, Revision, from, to));
    }

    [Fact]
    public void WholeAndPassages_RandomHistories_MeetTheirDefinitions()
    {
        // Whole: the head becomes the revision. Passage: the passage reads again as in the revision, in one piece.
        var seed = TestSeed.Get(output);
        var random = new OtRandom(seed);
        for (var round = 0; round < 300; round++)
        {
            var revision = random.Text(30);
            var chain = new OperationChain(revision.Length, long.MaxValue);
            var head = revision;
            for (var i = random.Next(1, 12); i > 0; i--)
            {
                var operation = random.Edit(head);
                chain.Append(operation);
                head = operation.Apply(head);
            }

            var since = chain.Compose();
            Assert.Equal(head, since.Apply(revision));
            Assert.Equal(revision, RevisionRestore.Whole(since, revision).Apply(head));
            if (revision.Length == 0)
            {
                continue;
            }

            var from = random.Boundary(revision);
            if (from >= revision.Length)
            {
                continue;
            }

            var to = random.BoundaryAfter(revision, from, revision.Length);

            var restored = RevisionRestore.Passage(since, revision, from, to).Apply(head);
            Assert.True(restored.Contains(revision[from..to], StringComparison.Ordinal), $"round {round}: the passage is not back");
            Assert.Equal(revision, RevisionRestore.Whole(chain.Compose(), revision).Apply(head));
        }
    }

    [Fact]
    public void Chain_ManyOperations_ComposesToWhatTheyDoInTurnWithinItsWork()
    {
        var seed = TestSeed.Get(output);
        var random = new OtRandom(seed);
        var start = random.Text(20);
        var chain = new OperationChain(start.Length, long.MaxValue);
        var text = start;
        for (var i = 0; i < 1_000; i++)
        {
            var operation = random.Edit(text);
            chain.Append(operation);
            text = operation.Apply(text);
        }

        Assert.Equal(text, chain.Compose().Apply(start));
        Assert.True(chain.Work > 0);
    }

    [Fact]
    public void Chain_PastItsWorkBound_ThrowsTooLarge()
    {
        var chain = new OperationChain(0, maxWork: 10);
        var text = "";
        var refused = Assert.Throws<OperationTooLargeException>(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                var operation = TextOperation.ForInsert(text.Length, text.Length / 2, "ab");
                chain.Append(operation);
                text = operation.Apply(text);
            }
        });

        Assert.True(chain.Work <= 10);
        Assert.Equal(10, refused.Maximum);
    }

    private static (int From, int To) Span(string text, string passage)
    {
        var from = text.IndexOf(passage, StringComparison.Ordinal);
        return (from, from + passage.Length);
    }

    private static OperationChain Chain(string revision, params Func<string, TextOperation>[] edits)
    {
        var chain = new OperationChain(revision.Length, long.MaxValue);
        var text = revision;
        foreach (var edit in edits)
        {
            var operation = edit(text);
            chain.Append(operation);
            text = operation.Apply(text);
        }

        return chain;
    }
}
