using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Contention;

/// <summary>
/// A seeded stream of commits from several clients whose edits arrive 1 to <c>maxStaleness</c> revisions stale, so
/// (from the second commit on) every commit is rebased over at least one committed operation.
/// </summary>
/// <remarks>
/// Each step picks a client and a staleness s, takes base = head - s, and makes a typing-like edit (mostly one
/// character at the client's caret, some words, backspaces, range deletes and caret jumps) against the text AT that
/// base revision, which the generator keeps for the last revisions. A reference model (TextOperation.Transform over
/// the log, then Apply) computes what the authority must end with, so a run is checked against it. Everything is
/// generated once, before timing.
/// </remarks>
public sealed class ContendedWorkload
{
    private const string Letters = "eeeeeeetttttaaaaoooiiinnnssshhrrdllcumwfgypbvk";
    private static readonly string[] SingleCharacters =
        [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private ContendedWorkload(int clients, string initialText, int[] baseRevisions, TextOperation[] operations,
        string[] authorIds, string[] clientIds, long[] seqs, string expectedText, TextOperation[] referenceLog)
    {
        Clients = clients;
        InitialText = initialText;
        BaseRevisions = baseRevisions;
        Operations = operations;
        AuthorIds = authorIds;
        ClientIds = clientIds;
        Seqs = seqs;
        ExpectedText = expectedText;
        ReferenceLog = referenceLog;
        long behind = 0;
        for (var i = 0; i < baseRevisions.Length; i++)
        {
            behind += i + 1 - baseRevisions[i]; // the head before step i is revision i + 1
        }

        MeanStaleness = (double)behind / baseRevisions.Length;
    }

    /// <summary>Number of clients.</summary>
    public int Clients { get; }

    /// <summary>The text committed as revision 1 before the contended steps.</summary>
    public string InitialText { get; }

    /// <summary>The base revision of each step.</summary>
    public int[] BaseRevisions { get; }

    /// <summary>Each step's operation, made against the text at its base revision.</summary>
    public TextOperation[] Operations { get; }

    /// <summary>Each step's author.</summary>
    public string[] AuthorIds { get; }

    /// <summary>Each step's client.</summary>
    public string[] ClientIds { get; }

    /// <summary>Each step's sequence number within its client.</summary>
    public long[] Seqs { get; }

    /// <summary>The text the reference model ends with.</summary>
    public string ExpectedText { get; }

    /// <summary>
    /// The reference model's log: entry r turns revision r into r + 1 (entry 0 inserts the initial text). The profile
    /// command replays rebasing and applying from it without a document.
    /// </summary>
    public TextOperation[] ReferenceLog { get; }

    /// <summary>Number of steps (commits).</summary>
    public int Count => Operations.Length;

    /// <summary>Average number of committed operations each step is rebased over.</summary>
    public double MeanStaleness { get; }

    /// <summary>Generates <paramref name="steps"/> commits from <paramref name="clients"/> clients.</summary>
    public static ContendedWorkload Generate(int clients, int steps, int seed, int maxStaleness = 8, int initialLength = 4_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStaleness, 1);
        var random = new Random(seed);
        var initial = MakeInitialText(random, initialLength);
        var window = maxStaleness + 1;
        var texts = new string[window];              // text at revision r lives at r % window
        var log = new List<TextOperation>(steps + 1) // log[r] turns revision r into r + 1
        {
            TextOperation.ForInsert(0, 0, initial),
        };
        var head = 1;
        texts[head % window] = initial;
        var carets = new int[clients];                // in head coordinates
        for (var c = 0; c < clients; c++)
        {
            carets[c] = random.Next(initial.Length + 1);
        }

        var nextSeq = new long[clients];
        var authors = Enumerable.Range(0, clients).Select(c => $"author{c}").ToArray();
        var clientNames = Enumerable.Range(0, clients).Select(c => $"client{c}").ToArray();
        var baseRevisions = new int[steps];
        var operations = new TextOperation[steps];
        var authorIds = new string[steps];
        var clientIds = new string[steps];
        var seqs = new long[steps];
        for (var step = 0; step < steps; step++)
        {
            var client = random.Next(clients);
            var baseRevision = Math.Max(1, head - random.Next(1, maxStaleness + 1));
            var operation = TypingEdit(random, texts[baseRevision % window], carets[client]);

            var applied = operation;
            for (var r = baseRevision; r < head; r++)
            {
                applied = TextOperation.Transform(applied, log[r]).APrime;
            }

            var text = applied.Apply(texts[head % window]);
            log.Add(applied);
            head++;
            texts[head % window] = text;
            for (var c = 0; c < clients; c++)
            {
                carets[c] = c == client ? CaretAfter(applied) : applied.TransformCaret(carets[c]);
            }

            baseRevisions[step] = baseRevision;
            operations[step] = operation;
            authorIds[step] = authors[client];
            clientIds[step] = clientNames[client];
            seqs[step] = ++nextSeq[client];
        }

        return new ContendedWorkload(clients, initial, baseRevisions, operations, authorIds, clientIds, seqs, texts[head % window], [.. log]);
    }

    /// <summary>A fresh document at revision 1 holding <see cref="InitialText"/>.</summary>
    public PadDocument NewDocument()
    {
        var document = new PadDocument();
        document.Commit(0, TextOperation.ForInsert(0, 0, InitialText), "seed", "seed", 1);
        return document;
    }

    /// <summary>Commits every step at its stale base revision. This is the timed region.</summary>
    /// <returns>The head revision afterwards.</returns>
    public int CommitAll(PadDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bases = BaseRevisions;
        var operations = Operations;
        var authors = AuthorIds;
        var clients = ClientIds;
        var seqs = Seqs;
        var revision = 0;
        for (var i = 0; i < operations.Length; i++)
        {
            revision = document.Commit(bases[i], operations[i], authors[i], clients[i], seqs[i]).Revision;
        }

        return revision;
    }

    /// <summary>Throws unless <paramref name="document"/> ends where the reference model does.</summary>
    /// <exception cref="InvalidOperationException">The document diverged.</exception>
    public void Verify(PadDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.GetText();
        if (!string.Equals(text, ExpectedText, StringComparison.Ordinal) || document.Revision != Count + 1)
        {
            throw new InvalidOperationException(
                $"Contended run with {Clients} clients diverged from the reference model: revision {document.Revision} " +
                $"(expected {Count + 1}), {text.Length} chars (expected {ExpectedText.Length}), first difference at " +
                $"{text.AsSpan().CommonPrefixLength(ExpectedText)}.");
        }
    }

    private static TextOperation TypingEdit(Random random, string text, int caret)
    {
        var length = text.Length;
        var position = random.NextDouble() < 0.05 ? random.Next(length + 1) : Math.Min(caret, length);
        var roll = random.NextDouble();
        if (roll < 0.80 || length == 0)
        {
            var insert = roll < 0.70 || length == 0 ? Character(random) : Word(random) + " ";
            return TextOperation.ForInsert(length, position, insert);
        }

        if (roll < 0.95 && position > 0)
        {
            return TextOperation.ForDelete(length, position - 1, 1); // backspace
        }

        var count = Math.Min(random.Next(2, 21), length - position);
        return count > 0
            ? TextOperation.ForDelete(length, position, count)
            : TextOperation.ForDelete(length, length - 1, 1);
    }

    private static int CaretAfter(TextOperation applied)
    {
        var components = applied.Components;
        var caret = 0;
        var i = 0;
        if (i < components.Length && components[i].IsRetain)
        {
            caret += components[i++].Length;
        }

        if (i < components.Length && components[i].IsInsert)
        {
            caret += components[i].Length;
        }

        return caret;
    }

    private static string Character(Random random)
    {
        var roll = random.Next(100);
        var c = roll switch
        {
            < 2 => '\n',
            < 18 => ' ',
            < 21 => '.',
            _ => Letters[random.Next(Letters.Length)],
        };
        return SingleCharacters[c];
    }

    private static string Word(Random random) =>
        string.Create(random.Next(3, 9), random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Letters[r.Next(Letters.Length)];
            }
        });

    private static string MakeInitialText(Random random, int length)
    {
        var text = new System.Text.StringBuilder(length + 16);
        var line = 0;
        while (text.Length < length)
        {
            var word = Word(random);
            text.Append(word);
            line += word.Length + 1;
            if (line > 70)
            {
                text.Append('\n');
                line = 0;
            }
            else
            {
                text.Append(' ');
            }
        }

        return text.ToString(0, length);
    }
}
