using System.Text;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using Xunit.Abstractions;

namespace PadHub.Tests.Core.Documents;

public sealed class PadDocumentRandomizedTests(ITestOutputHelper output)
{
    private static readonly string[] Pieces = ["a", "b", "c", "x", "y", " ", "\n", "é", "😀", "de", "fgh"];

    [Fact]
    public void Commit_RandomConcurrentEditsBySeveralAuthors_MatchesTheNaiveModelAfterEveryStep()
    {
        // Arrange
        var seed = TestSeed.Get(output, 20_240_611);
        var random = new Random(seed);
        const int retained = 40;
        var document = new PadDocument(new PadDocumentOptions(OperationLimits.Default, retained));
        var model = new NaiveDocument();
        string[] authors = ["alice", "bob", "carol", "dave", "erin"];
        var seqs = new long[authors.Length];
        var sent = authors.Select(_ => new List<(int Base, TextOperation Operation, long Seq, CommitResult Result)>()).ToArray();
        int commits = 0, duplicates = 0, tooOld = 0, rejected = 0;

        // Act + Assert: every step is checked against the model.
        for (var step = 0; step < 4_000; step++)
        {
            var k = random.Next(authors.Length);
            var author = authors[k];
            var client = author + "-tab";
            var roll = random.NextDouble();
            if (roll < 0.05 && sent[k].Count > 0)
            {
                // A resend (reconnect): answered from the log while retained, refused once out of the window.
                var before = DocumentState.Of(document);
                var pick = random.Next(2) == 0 ? random.Next(sent[k].Count) : random.Next(Math.Max(0, sent[k].Count - 8), sent[k].Count);
                var (baseRevision, operation, seq, original) = sent[k][pick];
                if (original.Revision > document.OldestBaseRevision)
                {
                    Assert.Equal(original with { Duplicate = true }, document.Commit(baseRevision, operation, author, client, seq));
                    duplicates++;
                }
                else
                {
                    Assert.Throws<SequenceTooOldException>(() => document.Commit(baseRevision, operation, author, client, seq));
                    tooOld++;
                }

                before.AssertSameAs(document);
            }
            else if (roll < 0.08)
            {
                // A bad operation at a fresh seq: rejected with nothing changed, and the seq stays usable.
                var before = DocumentState.Of(document);
                var bad = random.Next(2) == 0
                    ? TextOperation.ForInsert(document.Length + 1, 0, "x")
                    : TextOperation.ForInsert(document.Length, random.Next(document.Length + 1), "\ud800");
                Assert.ThrowsAny<OtException>(() => document.Commit(document.Revision, bad, author, client, seqs[k] + 1));
                before.AssertSameAs(document);
                rejected++;
            }
            else
            {
                var oldest = document.OldestBaseRevision;
                var baseRevision = random.Next(4) == 0 ? document.Revision : random.Next(Math.Max(oldest, document.Revision - 15), document.Revision + 1);
                var operation = RandomOperation(random, model.TextAt(baseRevision));
                seqs[k] += random.Next(1, 3);
                var expected = model.Commit(baseRevision, operation, author);
                var result = document.Commit(baseRevision, operation, author, client, seqs[k]);
                Assert.Equal(new CommitResult(expected, model.Revision, Duplicate: false), result);
                sent[k].Add((baseRevision, operation, seqs[k], result));
                commits++;
            }

            Assert.True(model.Text == document.GetText(), $"step {step}: text differs");
            Assert.Equal(model.Runs(), document.GetAuthorship());
            document.CheckInvariants();
        }

        output.WriteLine($"{commits} commits, {duplicates} duplicates, {tooOld} too old, {rejected} rejected; final length {document.Length}, {document.GetAuthorship().Count} runs");
        Assert.True(commits > 3_000 && duplicates > 20 && tooOld > 20 && rejected > 20);
    }

    [Fact]
    public void Replay_RandomHistoryFromASnapshot_EqualsTheOriginal()
    {
        // Arrange
        var seed = TestSeed.Get(output, 7_340_033);
        var random = new Random(seed);
        var original = new PadDocument();
        var model = new NaiveDocument();
        PadSnapshot? snapshot = null;
        for (var i = 0; i < 600; i++)
        {
            if (i == 250)
            {
                snapshot = original.CreateSnapshot();
            }

            var baseRevision = random.Next(Math.Max(0, original.Revision - 5), original.Revision + 1);
            var author = $"author-{random.Next(3)}";
            var result = original.Commit(baseRevision, RandomOperation(random, model.TextAt(baseRevision)), author, author, i + 1);
            model.Apply(result.Applied, author);
        }

        var restored = PadDocument.FromSnapshot(snapshot!);

        // Act
        foreach (var entry in original.GetHistory(250))
        {
            restored.Replay(entry);
        }

        // Assert
        Assert.Equal(original.CreateSnapshot().Text, restored.GetText());
        Assert.Equal(original.GetAuthorship(), restored.GetAuthorship());
        Assert.Equal(original.Revision, restored.Revision);
        restored.CheckInvariants();
    }

    /// <summary>A random multi-component operation on <paramref name="text"/> that never cuts a surrogate pair.</summary>
    internal static TextOperation RandomOperation(Random random, string text)
    {
        var builder = new TextOperation.Builder();
        var position = 0;
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && position <= text.Length; e++)
        {
            var target = Boundary(text, position + random.Next(text.Length - position + 1));
            builder.Retain(target - position);
            position = target;
            var deleteBias = text.Length > 300 ? 0.7 : 0.4;
            if (position < text.Length && random.NextDouble() < deleteBias)
            {
                var count = random.Next(10) == 0 ? random.Next(1, 80) : random.Next(1, 6);
                var end = Boundary(text, Math.Min(text.Length, position + count));
                builder.Delete(end - position);
                position = end;
            }
            else
            {
                var insert = new StringBuilder();
                var pieces = random.Next(10) == 0 ? random.Next(10, 30) : random.Next(1, 4);
                for (var p = 0; p < pieces; p++)
                {
                    insert.Append(Pieces[random.Next(Pieces.Length)]);
                }

                builder.Insert(insert.ToString());
            }
        }

        builder.Retain(text.Length - position);
        return builder.Build();
    }

    /// <summary><paramref name="position"/>, moved past the low surrogate if it falls inside a pair.</summary>
    private static int Boundary(string text, int position) =>
        position > 0 && position < text.Length && char.IsHighSurrogate(text[position - 1]) && char.IsLowSurrogate(text[position])
            ? position + 1
            : position;
}
