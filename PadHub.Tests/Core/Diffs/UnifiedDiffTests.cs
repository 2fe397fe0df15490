using System.Globalization;
using System.Text;
using PadHub.Core.Diffs;
using Xunit.Abstractions;

namespace PadHub.Tests.Core.Diffs;

public sealed class UnifiedDiffTests(ITestOutputHelper output)
{
    [Fact]
    public void Format_OneLineChanged_WritesHeadersAndOneHunkWithThreeLinesOfContext()
    {
        var older = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var newer = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        var diff = UnifiedDiff.Format(older, newer, "pad@r1", "pad@r2");

        Assert.Equal("--- pad@r1\n+++ pad@r2\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void Format_IdenticalTexts_WritesTheHeadersOnly()
    {
        Assert.Equal("--- a\n+++ b\n", UnifiedDiff.Format("same\ntext", "same\ntext", "a", "b"));
    }

    [Fact]
    public void Format_IntoAnEmptyText_StartsTheEmptySideAtLineZero()
    {
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n", UnifiedDiff.Format("", "x\ny\n", "a", "b"));
        Assert.Equal("--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n", UnifiedDiff.Format("x\ny\n", "", "a", "b"));
    }

    [Fact]
    public void Format_LastLineWithoutNewline_MarksItAsGnuDiffDoes()
    {
        var diff = UnifiedDiff.Format("a\nb", "a\nb\n", "a", "b");

        Assert.Equal("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n", diff);
    }

    [Fact]
    public void Format_ChangesFarApart_WritesSeparateHunks()
    {
        var older = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        var newer = older.Replace("2\n3\n", "2\nthree\n", StringComparison.Ordinal).Replace("18\n", "eighteen\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Format(older, newer, "a", "b");

        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ChangesSixLinesApart_ShareOneHunk()
    {
        var older = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        var newer = older.Replace("\n3\n", "\nthree\n", StringComparison.Ordinal).Replace("\n10\n", "\nten\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Format(older, newer, "a", "b");

        Assert.Single(diff.Split('\n'), l => l.StartsWith("@@", StringComparison.Ordinal));
        Assert.Contains("@@ -1,13 +1,13 @@\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_LabelWithLineBreak_KeepsTheHeaderOnOneLine()
    {
        var diff = UnifiedDiff.Format("a", "b", "evil\n+++ x", "b\tc");

        Assert.StartsWith("--- evil +++ x\n+++ b c\n@@", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_RandomEdits_PatchRebuildsTheNewerTextFromTheOlder()
    {
        var seed = TestSeed.Get(output);
        var random = new Random(seed);
        string[] vocabulary = ["alpha", "beta", "", "gamma", "delta ==x==", "é😀", "  indented"];
        for (var round = 0; round < 300; round++)
        {
            var older = RandomText(random, vocabulary);
            var newer = Mutate(random, older, vocabulary);
            var context = random.Next(0, 4);

            var diff = UnifiedDiff.Format(older, newer, "old", "new", context);

            Assert.True(Apply(older, diff) == newer, $"seed {seed}, round {round}: the patch does not rebuild the newer text\n{diff}");
        }
    }

    private static string RandomText(Random random, string[] vocabulary)
    {
        var text = new StringBuilder();
        var lines = random.Next(0, 15);
        for (var i = 0; i < lines; i++)
        {
            text.Append(vocabulary[random.Next(vocabulary.Length)]);
            if (i < lines - 1 || random.Next(2) == 0)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Mutate(Random random, string text, string[] vocabulary)
    {
        var lines = text.Split('\n').ToList();
        for (var edits = random.Next(0, 5); edits > 0; edits--)
        {
            var at = random.Next(lines.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    lines.Insert(at, vocabulary[random.Next(vocabulary.Length)]);
                    break;
                case 1 when lines.Count > 0:
                    lines.RemoveAt(Math.Min(at, lines.Count - 1));
                    break;
                default:
                    if (lines.Count > 0)
                    {
                        lines[Math.Min(at, lines.Count - 1)] += "!";
                    }

                    break;
            }
        }

        return string.Join('\n', lines);
    }

    // A minimal `patch`: applies each hunk's context and removals to the older lines, checking every line it reads.
    private static string Apply(string older, string diff)
    {
        var source = TextDiff.Lines(older);
        var result = new StringBuilder();
        var diffLines = diff.Split('\n');
        var at = 0;
        for (var i = 2; i < diffLines.Length - 1; i++)
        {
            var header = diffLines[i];
            Assert.StartsWith("@@ -", header, StringComparison.Ordinal);
            var oldRange = header[4..header.IndexOf(' ', 4)];
            var oldStart = int.Parse(oldRange.Split(',')[0], CultureInfo.InvariantCulture);
            var oldCount = oldRange.Contains(',', StringComparison.Ordinal) ? int.Parse(oldRange.Split(',')[1], CultureInfo.InvariantCulture) : 1;
            var firstOld = oldCount == 0 ? oldStart : oldStart - 1;
            while (at < firstOld)
            {
                result.Append(source[at++]);
            }

            for (i++; i < diffLines.Length - 1 && !diffLines[i].StartsWith("@@", StringComparison.Ordinal); i++)
            {
                var line = diffLines[i][1..] + "\n";
                if (i + 1 < diffLines.Length && diffLines[i + 1].StartsWith('\\'))
                {
                    line = line[..^1];
                }

                switch (diffLines[i][0])
                {
                    case ' ':
                        Assert.Equal(source[at++], line);
                        result.Append(line);
                        break;
                    case '-':
                        Assert.Equal(source[at++], line);
                        break;
                    case '+':
                        result.Append(line);
                        break;
                    case '\\':
                        break;
                    default:
                        throw new InvalidOperationException($"Unexpected diff line {diffLines[i]}");
                }
            }

            i--;
        }

        while (at < source.Count)
        {
            result.Append(source[at++]);
        }

        return result.ToString();
    }
}
