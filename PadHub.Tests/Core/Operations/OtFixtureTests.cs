using System.Text.Json;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Operations;

/// <summary>Differential test against ot.js: every field of every case of testdata/ot-fixtures/transform-seed1.jsonl.</summary>
public sealed class OtFixtureTests
{
    private static readonly string[] OperationFields = ["aPrime", "bPrime", "composeAB", "invertA"];
    private static readonly Lazy<IReadOnlyList<FixtureCase>> Cases = new(Load);

    [Fact]
    public void Fixtures_File_HasAllTwoThousandCases()
    {
        Assert.Equal(2_000, Cases.Value.Count);
    }

    [Fact]
    public void Transform_EveryFixture_MatchesOtJsAPrimeAndBPrime()
    {
        AssertAll(c =>
        {
            var (aPrime, bPrime) = TextOperation.Transform(c.A, c.B);
            return Same(c.Raw("aPrime"), aPrime, "aPrime") ?? Same(c.Raw("bPrime"), bPrime, "bPrime");
        });
    }

    [Fact]
    public void TransformLeft_EveryFixture_MatchesOtJsAPrime()
    {
        AssertAll(c => Same(c.Raw("aPrime"), TextOperation.TransformLeft(c.A, c.B), "aPrime"));
    }

    [Fact]
    public void Apply_EveryFixture_BothOrdersGiveTheResult()
    {
        AssertAll(c =>
        {
            var viaA = c.BPrime.Apply(c.A.Apply(c.Doc));
            var viaB = c.APrime.Apply(c.B.Apply(c.Doc));
            return viaA != c.Result ? $"b'(a(doc)) = {Json(viaA)}" : viaB != c.Result ? $"a'(b(doc)) = {Json(viaB)}" : null;
        });
    }

    [Fact]
    public void Compose_EveryFixture_MatchesOtJsComposeAB()
    {
        AssertAll(c =>
        {
            var composed = TextOperation.Compose(c.A, c.BPrime);
            return Same(c.Raw("composeAB"), composed, "composeAB") ?? (composed.Apply(c.Doc) == c.Result ? null : "composeAB(doc) != result");
        });
    }

    [Fact]
    public void Invert_EveryFixture_MatchesOtJsInvertAAndRestoresTheDocument()
    {
        AssertAll(c =>
        {
            var inverse = c.A.Invert(c.Doc);
            return Same(c.Raw("invertA"), inverse, "invertA") ?? (inverse.Apply(c.A.Apply(c.Doc)) == c.Doc ? null : "invertA(a(doc)) != doc");
        });
    }

    [Fact]
    public void TransformCaret_EveryFixture_MatchesOtJsCursorAfterA()
    {
        AssertAll(c =>
        {
            var moved = c.A.TransformCaret(c.Cursor);
            return moved == c.CursorAfterA ? null : $"cursor {c.Cursor} -> {moved}, ot.js says {c.CursorAfterA}";
        });
    }

    [Fact]
    public void ToJson_EveryFixtureOperation_RoundTripsThroughTheWireForm()
    {
        AssertAll(c =>
        {
            foreach (var operation in new[] { c.A, c.B, c.APrime, c.BPrime, c.ComposeAB, c.InvertA })
            {
                if (!TextOperation.Parse(operation.ToJson()).Equals(operation))
                {
                    return $"round trip of {operation}";
                }
            }

            return null;
        });
    }

    private static void AssertAll(Func<FixtureCase, string?> check)
    {
        var failures = Cases.Value.Select(c => (c.Line, Error: check(c))).Where(f => f.Error is not null).ToList();
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {Cases.Value.Count} fixtures differ; first: line {failures.FirstOrDefault().Line}: {failures.FirstOrDefault().Error}");
    }

    // Compared with the fixture's raw JSON array component by component (both re-serialised the same way), so a
    // fixture is never canonicalised on its way into the comparison.
    private static string? Same(string expectedRaw, TextOperation actual, string field)
    {
        var expected = Normalise(expectedRaw);
        var got = Normalise(actual.ToJson());
        return expected == got ? null : $"{field}: expected {expected}, got {got}";
    }

    private static string Normalise(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static IReadOnlyList<FixtureCase> Load()
    {
        var path = TestData.OtFixture("transform-seed1.jsonl");
        Assert.True(File.Exists(path), $"Missing fixture file {path} (set PADHUB_OT_FIXTURES to its folder).");
        return [.. File.ReadLines(path).Select((line, index) => FixtureCase.Parse(line, index + 1))];
    }

    private sealed record FixtureCase(
        int Line, string Doc, TextOperation A, TextOperation B, TextOperation APrime, TextOperation BPrime,
        string Result, TextOperation ComposeAB, TextOperation InvertA, int Cursor, int CursorAfterA, IReadOnlyDictionary<string, string> RawOperations)
    {
        public string Raw(string field) => RawOperations[field];

        public static FixtureCase Parse(string line, int number)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            TextOperation Op(string name) => TextOperation.Parse(root.GetProperty(name).GetRawText());
            return new FixtureCase(
                number,
                root.GetProperty("doc").GetString()!,
                Op("a"), Op("b"), Op("aPrime"), Op("bPrime"),
                root.GetProperty("result").GetString()!,
                Op("composeAB"), Op("invertA"),
                root.GetProperty("cursor").GetInt32(),
                root.GetProperty("cursorAfterA").GetInt32(),
                OperationFields.ToDictionary(f => f, f => root.GetProperty(f).GetRawText()));
        }
    }
}
