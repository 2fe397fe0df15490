using System.Globalization;
using PadHub.Core.Operations;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PadHub.Tests.Core;

/// <summary>
/// Seeded property tests of the OT algebra over random documents with astral characters. PADHUB_SEED replays a run;
/// every failure message names the seed and the case.
/// </summary>
public sealed class TextOperationPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 5_000;

    [Fact]
    public void Transform_RandomConcurrentOperations_Converge()
    {
        ForEachCase(nameof(Transform_RandomConcurrentOperations_Converge), (random, context) =>
        {
            var document = random.Text(12);
            var a = RandomOperation(random, document);
            var b = RandomOperation(random, document);

            var (aPrime, bPrime) = TextOperation.Transform(a, b);

            var afterA = a.Apply(document);
            var afterB = b.Apply(document);
            var viaA = bPrime.Apply(afterA);
            var viaB = aPrime.Apply(afterB);
            Assert.True(string.Equals(viaA, viaB, StringComparison.Ordinal),
                $"{context}: doc {Show(document)}, a {a}, b {b}: b'(a(d)) = {Show(viaA)} but a'(b(d)) = {Show(viaB)}");
            // Transformed operations must stay valid: no offset inside a surrogate pair of the text they apply to.
            bPrime.Validate(afterA, OperationLimits.None);
            aPrime.Validate(afterB, OperationLimits.None);
        });
    }

    [Fact]
    public void Transform_ConcurrentInsertsAtSamePosition_FirstArgumentInsertComesFirst()
    {
        ForEachCase(nameof(Transform_ConcurrentInsertsAtSamePosition_FirstArgumentInsertComesFirst), (random, context) =>
        {
            var document = random.Text(8);
            var position = random.Boundary(document);
            var x = random.NonEmptyText(2);
            var y = random.NonEmptyText(2);
            var a = TextOperation.ForInsert(document.Length, position, x);
            var b = TextOperation.ForInsert(document.Length, position, y);

            var (aPrime, _) = TextOperation.Transform(a, b);

            var expected = string.Concat(document.AsSpan(0, position), x, y, document.AsSpan(position));
            var actual = aPrime.Apply(b.Apply(document));
            Assert.True(string.Equals(expected, actual, StringComparison.Ordinal),
                $"{context}: inserting {Show(x)} and {Show(y)} at {position} of {Show(document)} gave {Show(actual)}");
        });
    }

    [Fact]
    public void Compose_RandomSequentialOperations_MatchesSequentialApply()
    {
        ForEachCase(nameof(Compose_RandomSequentialOperations_MatchesSequentialApply), (random, context) =>
        {
            var document = random.Text(12);
            var a = RandomOperation(random, document);
            var middle = a.Apply(document);
            var b = RandomOperation(random, middle);

            var composed = TextOperation.Compose(a, b);

            var sequential = b.Apply(middle);
            var actual = composed.Apply(document);
            Assert.True(string.Equals(sequential, actual, StringComparison.Ordinal),
                $"{context}: doc {Show(document)}, a {a}, b {b}: compose gave {Show(actual)}, sequential {Show(sequential)}");
            Assert.True(composed.BaseLength == a.BaseLength && composed.TargetLength == b.TargetLength,
                $"{context}: compose of {a} and {b} has lengths {composed.BaseLength}->{composed.TargetLength}");
        });
    }

    [Fact]
    public void Invert_RandomOperation_RoundTripsToOriginal()
    {
        ForEachCase(nameof(Invert_RandomOperation_RoundTripsToOriginal), (random, context) =>
        {
            var document = random.Text(12);
            var operation = RandomOperation(random, document);
            var after = operation.Apply(document);

            var inverse = operation.Invert(document);

            var restored = inverse.Apply(after);
            Assert.True(string.Equals(document, restored, StringComparison.Ordinal),
                $"{context}: doc {Show(document)}, op {operation}, inverse {inverse} restored {Show(restored)}");
            Assert.True(inverse.Invert(after).Equals(operation),
                $"{context}: inverting the inverse {inverse} of {operation} gave {inverse.Invert(after)}");
            Assert.True(TextOperation.Compose(operation, inverse).Apply(document) == document,
                $"{context}: compose({operation}, {inverse}) does not restore {Show(document)}");
        });
    }

    [Fact]
    public void TransformCaret_RandomOperation_AgreesWithNaiveReference()
    {
        ForEachCase(nameof(TransformCaret_RandomOperation_AgreesWithNaiveReference), (random, context) =>
        {
            var document = random.Text(12);
            var operation = RandomOperation(random, document);
            var caret = random.Boundary(document);

            var actual = operation.TransformCaret(caret);

            var expected = NaiveTransformCaret(document, operation, caret);
            Assert.True(actual == expected,
                $"{context}: caret {caret} in {Show(document)} through {operation}: got {actual}, naive {expected}");
            Assert.True(OtRandom.IsBoundary(operation.Apply(document), actual),
                $"{context}: caret {caret} through {operation} landed at {actual}, not a boundary");
        });
    }

    [Fact]
    public void TransformSelection_RandomOperation_TransformsBothEndsLikeTheNaiveReference()
    {
        ForEachCase(nameof(TransformSelection_RandomOperation_TransformsBothEndsLikeTheNaiveReference), (random, context) =>
        {
            var document = random.Text(12);
            var operation = RandomOperation(random, document);
            var selection = new TextSelection(random.Boundary(document), random.Boundary(document));

            var actual = operation.TransformSelection(selection);

            var expected = new TextSelection(
                NaiveTransformCaret(document, operation, selection.Anchor),
                NaiveTransformCaret(document, operation, selection.Head));
            Assert.True(actual == expected, $"{context}: {selection} in {Show(document)} through {operation}: got {actual}, naive {expected}");
        });
    }

    [Fact]
    public void TransformCaret_InsertAtCaret_MovesCaretRightPastInsert()
    {
        ForEachCase(nameof(TransformCaret_InsertAtCaret_MovesCaretRightPastInsert), (random, context) =>
        {
            var document = random.Text(8);
            var caret = random.Boundary(document);
            var text = random.NonEmptyText(3);

            var moved = TextOperation.ForInsert(document.Length, caret, text).TransformCaret(caret);

            Assert.True(moved == caret + text.Length,
                $"{context}: caret {caret} of {Show(document)} after inserting {Show(text)} there: {moved}");
        });
    }

    [Fact]
    public void TransformCaret_CaretInsideDeletedRange_CollapsesToRangeStart()
    {
        ForEachCase(nameof(TransformCaret_CaretInsideDeletedRange_CollapsesToRangeStart), (random, context) =>
        {
            var document = random.NonEmptyText(10);
            var start = random.Boundary(document);
            if (start == document.Length)
            {
                start = 0;
            }

            var end = random.BoundaryAfter(document, start, document.Length);
            var caret = start + random.Next(end - start + 1);

            var moved = TextOperation.ForDelete(document.Length, start, end - start).TransformCaret(caret);

            Assert.True(moved == start,
                $"{context}: caret {caret} in deleted range {start}..{end} of {Show(document)} moved to {moved}");
        });
    }

    private void ForEachCase(string property, Action<OtRandom, string> check)
    {
        var seed = TestSeed.Get(output);
        // One generator per property (salted by name) so each property replays on its own from the printed seed.
        var random = new OtRandom(unchecked(seed + StableHash(property)));
        for (var i = 0; i < Cases; i++)
        {
            var context = string.Create(CultureInfo.InvariantCulture, $"seed {seed}, {property} case {i}");
            try
            {
                check(random, context);
            }
            catch (Exception ex) when (ex is not XunitException)
            {
                // An engine exception (a transformed operation that no longer validates...) must name the seed too.
                throw new XunitException($"{context}: {ex.GetType().Name}: {ex.Message}", ex);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {Cases} cases of {property}"));
    }

    private static TextOperation RandomOperation(OtRandom random, string document) =>
        random.Chance(0.5) ? random.Operation(document) : random.Edit(document);

    /// <summary>
    /// The caret as a marker cell among the document's code units, the operation replayed cell by cell: a retain
    /// stops right after its last unit (before a marker that follows it), an insert goes in front of the marker, a
    /// delete removes units but never the marker.
    /// </summary>
    private static int NaiveTransformCaret(string document, TextOperation operation, int caret)
    {
        const int Marker = -1;
        var cells = document.Select(c => (int)c).ToList();
        cells.Insert(caret, Marker);
        var at = 0;
        foreach (var component in operation.Components)
        {
            if (component.IsInsert)
            {
                cells.InsertRange(at, component.Text.Select(c => (int)c));
                at += component.Length;
                continue;
            }

            for (var n = component.Length; n > 0;)
            {
                if (cells[at] == Marker)
                {
                    at++;
                    continue;
                }

                if (component.IsRetain)
                {
                    at++;
                }
                else
                {
                    cells.RemoveAt(at);
                }

                n--;
            }
        }

        return cells.IndexOf(Marker);
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
