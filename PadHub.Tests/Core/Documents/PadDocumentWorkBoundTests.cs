using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

/// <summary>One submission costs bounded work: its size is checked before any rebase, and its rebase has a budget.</summary>
public sealed class PadDocumentWorkBoundTests
{
    private const int Stale = 100;

    /// <summary>A pad with <see cref="Stale"/> one-character commits after revision 0 (text: 100 x "a").</summary>
    private static PadDocument HundredRevisions(OperationLimits limits)
    {
        var document = new PadDocument(new PadDocumentOptions(limits, 1_000));
        for (var i = 0; i < Stale; i++)
        {
            document.Commit(i, TextOperation.ForInsert(i, i, "a"), "alice", "alice-tab", i + 1);
        }

        return document;
    }

    /// <summary>[1,"x",1,"x",...]: <paramref name="components"/> components, then a retain up to <paramref name="baseLength"/> if longer.</summary>
    private static TextOperation Alternating(int components, int baseLength = 0)
    {
        var builder = new TextOperation.Builder(components + 1);
        for (var i = 0; i < components / 2; i++)
        {
            builder.Retain(1).Insert("x");
        }

        if (baseLength > components / 2)
        {
            builder.Retain(baseLength - (components / 2));
        }

        return builder.Build();
    }

    [Fact]
    public void Commit_SixHundredThousandComponentsHundredRevisionsStale_IsTooLargeAndChangesNothing()
    {
        // Arrange: the review's probe, against a pad whose text at its base revision fits the operation.
        var document = PadDocument.FromSnapshot(
            new PadSnapshot(0, new string('b', 300_000), [new AuthorRun("alice", 300_000)]), new PadDocumentOptions(OperationLimits.Default, 1_000));
        for (var i = 0; i < Stale; i++)
        {
            document.Commit(i, TextOperation.ForInsert(300_000 + i, 0, "a"), "alice", "alice-tab", i + 1);
        }

        var before = DocumentState.Of(document);

        // Act
        var error = Assert.Throws<OperationTooLargeException>(() => document.Commit(0, Alternating(600_000), "mallory", "mallory-tab", 1));

        // Assert
        Assert.Equal(600_000, error.Value);
        Assert.Equal(OperationLimits.Default.MaxComponents, error.Maximum);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_OversizedOperationThatCouldNotEvenBeRebased_IsRefusedForItsSizeBeforeAnyRebase()
    {
        // Arrange: its base length (20) is not the pad's at revision 0 (0): rebasing it would fail on its first step.
        var document = HundredRevisions(new OperationLimits(1_000, 1_000, 10));
        var before = DocumentState.Of(document);

        // Act
        var error = Assert.Throws<OperationTooLargeException>(() => document.Commit(0, Alternating(40), "mallory", "mallory-tab", 1));

        // Assert
        Assert.Equal(40, error.Value);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_InsertsOverTheLimitInManySmallInserts_IsTooLargeBeforeAnyRebase()
    {
        // Arrange
        var document = HundredRevisions(new OperationLimits(1_000, 10, 100));
        var before = DocumentState.Of(document);

        // Act: 20 inserts of one character, based 100 revisions back on a base length the pad never had.
        var error = Assert.Throws<OperationTooLargeException>(() => document.Commit(0, Alternating(40), "mallory", "mallory-tab", 1));

        // Assert
        Assert.Equal(20, error.Value);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_WrongBaseLength_IsALengthMismatchNamingTheBaseRevision()
    {
        // Arrange
        var document = HundredRevisions(OperationLimits.Default);
        var before = DocumentState.Of(document);

        // Act
        var error = Assert.Throws<OperationLengthMismatchException>(() => document.Commit(50, TextOperation.ForInsert(49, 0, "x"), "bob", "bob-tab", 1));

        // Assert
        Assert.Equal(49, error.Expected);
        Assert.Equal(50, error.Actual);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_RebaseOverTheBudget_ThrowsRebaseBudgetExceededAndChangesNothing()
    {
        // Arrange: 20 components crossing 90 revisions of 2 components each cost 90 x 22 = 1,980 steps.
        var document = HundredRevisions(new OperationLimits(1_000, 1_000, 100, MaxRebaseWork: 1_500));
        var before = DocumentState.Of(document);

        // Act
        var error = Assert.Throws<RebaseBudgetExceededException>(() => document.Commit(10, Alternating(20), "bob", "bob-tab", 1));

        // Assert
        Assert.Equal(10, error.BaseRevision);
        Assert.Equal(Stale, error.Head);
        Assert.Equal(1_500, error.Budget);
        before.AssertSameAs(document);
    }

    [Fact]
    public void Commit_SameOperationWithinTheBudget_IsRebasedAndCommitted()
    {
        // Arrange: the same edits (and a retain of the rest) based 20 revisions back cost 20 x 23 = 460 steps.
        var document = HundredRevisions(new OperationLimits(1_000, 1_000, 100, MaxRebaseWork: 1_500));

        // Act
        var result = document.Commit(80, Alternating(20, baseLength: 80), "bob", "bob-tab", 1);

        // Assert
        Assert.Equal(Stale + 1, result.Revision);
        Assert.Equal(110, document.Length);
    }
}
