using PadHub.Core.Diffs;
using PadHub.Core.Documents;
using Xunit.Abstractions;

namespace PadHub.Tests.Core.Diffs;

public sealed class AuthoredDiffTests(ITestOutputHelper output)
{
    [Fact]
    public void Compute_OneLineReplaced_DeletesTheOldLineBeforeInsertingTheNew()
    {
        var parts = AuthoredDiff.Compute("a\nb\nc\n", [new AuthorRun("x", 6)], "a\nB\nc\n", [new AuthorRun("x", 2), new AuthorRun("y", 2), new AuthorRun("x", 2)]);

        Assert.Equal(
            [
                new DiffPart(DiffKind.Equal, "a\n", "x"),
                new DiffPart(DiffKind.Delete, "b", "x"),
                new DiffPart(DiffKind.Insert, "B", "y"),
                new DiffPart(DiffKind.Equal, "\n", "y"),
                new DiffPart(DiffKind.Equal, "c\n", "x"),
            ],
            parts);
    }

    [Fact]
    public void Compute_LinesMovedAround_KeepsTheUnchangedLinesEqual()
    {
        var spans = TextDiff.Compute("one\ntwo\nthree\nfour\n", "zero\none\nthree\nfour\nfive\n");

        Assert.Equal(
            [
                new DiffSpan(DiffKind.Insert, 5),
                new DiffSpan(DiffKind.Equal, 4),
                new DiffSpan(DiffKind.Delete, 4),
                new DiffSpan(DiffKind.Equal, 11),
                new DiffSpan(DiffKind.Insert, 5),
            ],
            spans);
    }

    [Fact]
    public void Compute_MoreEditsThanTheBound_IsOneReplacementThatStillReproducesBothTexts()
    {
        var older = string.Concat(Enumerable.Range(0, 50).Select(i => $"old {i}\n"));
        var newer = string.Concat(Enumerable.Range(0, 50).Select(i => $"new {i}\n"));

        var spans = TextDiff.Compute("head\n" + older, "head\n" + newer, maxEdits: 10);

        // " 49\n" ends both texts: the one changed block is narrowed to what differs.
        Assert.Equal([new DiffSpan(DiffKind.Equal, 5), new DiffSpan(DiffKind.Delete, older.Length - 4), new DiffSpan(DiffKind.Insert, newer.Length - 4), new DiffSpan(DiffKind.Equal, 4)], spans);
    }

    [Fact]
    public void Compute_EmojiSharingAHighSurrogate_NeverSplitsThePair()
    {
        var spans = TextDiff.Compute("a\U0001F600b", "a\U0001F603b");

        Assert.Equal([new DiffSpan(DiffKind.Equal, 1), new DiffSpan(DiffKind.Delete, 2), new DiffSpan(DiffKind.Insert, 2), new DiffSpan(DiffKind.Equal, 1)], spans);
    }

    [Fact]
    public void Compute_RunsNotCoveringTheText_Throws()
    {
        Assert.Throws<ArgumentException>(() => AuthoredDiff.Compute("abc", [new AuthorRun("x", 2)], "", []));
    }

    [Fact]
    public void Compute_RandomVersions_PartsReproduceBothTextsWithTheirAuthors()
    {
        var seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var (oldText, oldRuns) = RandomVersion(random);
            var (newText, newRuns) = random.Next(3) == 0 ? RandomVersion(random) : Edit(random, oldText, oldRuns);

            var parts = AuthoredDiff.Compute(oldText, oldRuns, newText, newRuns, maxEdits: random.Next(0, 40));

            Assert.Equal(oldText, string.Concat(parts.Where(p => p.Kind != DiffKind.Insert).Select(p => p.Text)));
            Assert.Equal(newText, string.Concat(parts.Where(p => p.Kind != DiffKind.Delete).Select(p => p.Text)));
            AssertDeletedAuthors(Expand(oldRuns), parts);
            Assert.Equal(Expand(newRuns), string.Concat(parts.Where(p => p.Kind != DiffKind.Delete).Select(p => string.Concat(Enumerable.Repeat(p.AuthorId, p.Text.Length)))));
            Assert.All(parts, p => Assert.NotEmpty(p.Text));
        }
    }

    // A deleted part carries the author its text had in the older version.
    private static void AssertDeletedAuthors(string oldAuthors, IReadOnlyList<DiffPart> parts)
    {
        var at = 0;
        foreach (var part in parts.Where(p => p.Kind != DiffKind.Insert))
        {
            if (part.Kind == DiffKind.Delete)
            {
                Assert.Equal(string.Concat(Enumerable.Repeat(part.AuthorId, part.Text.Length)), oldAuthors.Substring(at, part.Text.Length));
            }

            at += part.Text.Length;
        }
    }

    private static string Expand(IReadOnlyList<AuthorRun> runs) => string.Concat(runs.Select(r => string.Concat(Enumerable.Repeat(r.AuthorId, r.Length))));

    private static (string Text, List<AuthorRun> Runs) RandomVersion(Random random)
    {
        var text = new System.Text.StringBuilder();
        var runs = new List<AuthorRun>();
        var pieces = random.Next(0, 8);
        for (var i = 0; i < pieces; i++)
        {
            var piece = RandomText(random);
            text.Append(piece);
            AddRun(runs, ((char)('a' + random.Next(3))).ToString(), piece.Length);
        }

        return (text.ToString(), runs);
    }

    private static (string Text, List<AuthorRun> Runs) Edit(Random random, string text, List<AuthorRun> runs)
    {
        var authors = Expand(runs).ToList();
        var chars = text.ToList();
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            if (random.Next(2) == 0 && at < chars.Count)
            {
                var length = random.Next(1, chars.Count - at + 1);
                chars.RemoveRange(at, length);
                authors.RemoveRange(at, length);
            }
            else
            {
                var piece = RandomText(random);
                chars.InsertRange(at, piece);
                authors.InsertRange(at, Enumerable.Repeat((char)('a' + random.Next(3)), piece.Length));
            }
        }

        var newRuns = new List<AuthorRun>();
        foreach (var author in authors)
        {
            AddRun(newRuns, author.ToString(), 1);
        }

        return (new string([.. chars]), newRuns);
    }

    private static string RandomText(Random random)
    {
        var length = random.Next(1, 12);
        return new string([.. Enumerable.Range(0, length).Select(_ => "ab\n x"[random.Next(5)])]);
    }

    private static void AddRun(List<AuthorRun> runs, string author, int length)
    {
        if (length == 0)
        {
            return;
        }

        if (runs.Count > 0 && runs[^1].AuthorId == author)
        {
            runs[^1] = new AuthorRun(author, runs[^1].Length + length);
            return;
        }

        runs.Add(new AuthorRun(author, length));
    }
}
