using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Traces;

/// <summary>
/// A trace turned into ready-to-commit operations, built once before any timing so a replay measures only
/// <see cref="PadDocument.Commit"/> (a "parsing-free commit"): one operation per patch, each made against the text
/// the previous patches produced, with its author, client and sequence number.
/// </summary>
public sealed class ReplayPlan
{
    private const string SeedAuthor = "seed";

    private ReplayPlan(EditingTrace trace, string variant, TextOperation[] operations, string[] authorIds, string[] clientIds, long[] seqs)
    {
        TraceName = trace.Name;
        Variant = variant;
        StartContent = trace.StartContent;
        ExpectedText = trace.EndContent;
        Operations = operations;
        AuthorIds = authorIds;
        ClientIds = clientIds;
        Seqs = seqs;
        AuthorCount = authorIds.Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>The trace's name.</summary>
    public string TraceName { get; }

    /// <summary>How authorship is assigned, for reports.</summary>
    public string Variant { get; }

    /// <summary>The text committed before the replay (outside any timed region).</summary>
    public string StartContent { get; }

    /// <summary>The trace's <c>endContent</c>: what the document must hold after the replay.</summary>
    public string ExpectedText { get; }

    /// <summary>One operation per patch, in order.</summary>
    public TextOperation[] Operations { get; }

    /// <summary>The author of each operation.</summary>
    public string[] AuthorIds { get; }

    /// <summary>The client that sends each operation (one client per author).</summary>
    public string[] ClientIds { get; }

    /// <summary>Each operation's sequence number within its client (1, 2, ...).</summary>
    public long[] Seqs { get; }

    /// <summary>Number of operations (= patches = edits).</summary>
    public int Count => Operations.Length;

    /// <summary>Distinct authors.</summary>
    public int AuthorCount { get; }

    /// <summary>One author and one client edit at the head.</summary>
    public static ReplayPlan SingleAuthor(EditingTrace trace) =>
        Create(trace, "1 author", _ => 0, ["alice"]);

    /// <summary>
    /// <paramref name="authors"/> authors take turns, switching every <paramref name="txnsPerTurn"/> transactions, so
    /// authorship runs look like a real co-written pad. Each author is its own client; all edit at the head.
    /// </summary>
    public static ReplayPlan MultiAuthor(EditingTrace trace, int authors = 3, int txnsPerTurn = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(authors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(txnsPerTurn, 1);
        string[] names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];
        var ids = Enumerable.Range(0, authors).Select(i => i < names.Length ? names[i] : $"author{i}").ToArray();
        return Create(trace, $"{authors} authors, switch every {txnsPerTurn} txns", txn => txn / txnsPerTurn % authors, ids);
    }

    /// <summary>A fresh document holding <see cref="StartContent"/> (default options: limits and retained history as in production).</summary>
    public PadDocument NewDocument()
    {
        var document = new PadDocument();
        if (StartContent.Length > 0)
        {
            document.Commit(0, TextOperation.ForInsert(0, 0, StartContent), SeedAuthor, SeedAuthor, 1);
        }

        return document;
    }

    /// <summary>Commits every operation at the head, in order. This is the timed region.</summary>
    /// <returns>The head revision afterwards.</returns>
    public int ReplayInto(PadDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = Operations;
        var authors = AuthorIds;
        var clients = ClientIds;
        var seqs = Seqs;
        var revision = document.Revision;
        for (var i = 0; i < operations.Length; i++)
        {
            revision = document.Commit(revision, operations[i], authors[i], clients[i], seqs[i]).Revision;
        }

        return revision;
    }

    /// <summary>Throws unless <paramref name="document"/> holds the trace's end text and every operation was committed.</summary>
    /// <exception cref="InvalidOperationException">The replay went wrong.</exception>
    public void Verify(PadDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.GetText();
        if (!string.Equals(text, ExpectedText, StringComparison.Ordinal))
        {
            var at = text.AsSpan().CommonPrefixLength(ExpectedText);
            throw new InvalidOperationException(
                $"Replay of {TraceName} ({Variant}): the final text ({text.Length} chars) differs from endContent " +
                $"({ExpectedText.Length} chars) at offset {at}.");
        }

        var expectedRevision = Count + (StartContent.Length > 0 ? 1 : 0);
        if (document.Revision != expectedRevision)
        {
            throw new InvalidOperationException(
                $"Replay of {TraceName} ({Variant}): head revision {document.Revision}, expected {expectedRevision}.");
        }
    }

    private static ReplayPlan Create(EditingTrace trace, string variant, Func<int, int> authorOfTxn, string[] authors)
    {
        if (trace.IsConcurrent)
        {
            throw new InvalidOperationException(
                $"{trace.Name} is a concurrent history: its patches are relative to each txn's parents, not to the previous txn.");
        }

        var clients = authors.Select(a => $"{a}-tab").ToArray();
        var nextSeq = new long[authors.Length];
        var operations = new TextOperation[trace.PatchCount];
        var authorIds = new string[operations.Length];
        var clientIds = new string[operations.Length];
        var seqs = new long[operations.Length];
        var length = trace.StartContent.Length;
        var builder = new TextOperation.Builder(4);
        var i = 0;
        for (var txn = 0; txn < trace.Transactions.Count; txn++)
        {
            var author = authorOfTxn(txn);
            foreach (var patch in trace.Transactions[txn])
            {
                if (patch.Position < 0 || patch.DeleteCount < 0 || patch.Position + patch.DeleteCount > length)
                {
                    throw new InvalidDataException(
                        $"{trace.Name}: txn {txn} patch [{patch.Position}, {patch.DeleteCount}] is outside a document of {length}.");
                }

                builder.Clear();
                operations[i] = builder
                    .Retain(patch.Position)
                    .Delete(patch.DeleteCount)
                    .Insert(patch.Insert)
                    .Retain(length - patch.Position - patch.DeleteCount)
                    .Build();
                authorIds[i] = authors[author];
                clientIds[i] = clients[author];
                seqs[i] = ++nextSeq[author];
                length += patch.Insert.Length - patch.DeleteCount;
                i++;
            }
        }

        if (length != trace.EndContent.Length)
        {
            throw new InvalidDataException($"{trace.Name}: the patches produce {length} chars, endContent has {trace.EndContent.Length}.");
        }

        return new ReplayPlan(trace, variant, operations, authorIds, clientIds, seqs);
    }
}
