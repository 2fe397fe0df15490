using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>
/// The authoritative document of one pad: text, head revision, the log of committed operations and per-character
/// authorship. Not thread-safe: exactly one committer (the pad's authority) owns an instance.
/// </summary>
/// <remarks>
/// <para>
/// Invariants: <see cref="Revision"/> counts committed operations (a new document is at 0; the first commit makes 1);
/// the authorship runs cover the text exactly; the in-memory log holds every operation with a revision in
/// (<see cref="OldestBaseRevision"/>, <see cref="Revision"/>]; a call that throws has changed nothing.
/// </para>
/// <para>
/// Storage: the text is a gap buffer (a keystroke costs O(1) plus a move proportional to the distance from the previous
/// edit), the authorship a treap of runs (O(log runs) per edit, no allocation when a keystroke lengthens the author's own
/// run), the log an array of <see cref="CommittedOperation"/> structs trimmed in bulk. A commit at the head allocates
/// nothing of its own. See docs/ARCHITECTURE.md, "Text storage and authorship".
/// </para>
/// </remarks>
public sealed partial class PadDocument
{
    private readonly PadDocumentOptions _options;
    private readonly GapBuffer _text;
    private readonly AuthorshipTree _authorship = new();

    // Authors are interned to small ints so runs compare and store cheaply; ids are compared ordinally.
    private readonly Dictionary<string, int> _authorIndex = new(StringComparer.Ordinal);
    private readonly List<string> _authors = [];
    private string? _lastAuthor;
    private int _lastAuthorIndex;

    // The log: _log[i] has revision _logFirstRevision + i. Entries at or below OldestBaseRevision are logically gone
    // (never returned, never matched as duplicates) and are physically dropped in bulk when the array fills up.
    private CommittedOperation[] _log = [];
    private int _logCount;
    private int _logFirstRevision;

    private readonly Dictionary<string, ClientLog> _clients = new(StringComparer.Ordinal);
    private readonly List<ClientLog> _clientsWithRevisions = [];
    private ClientLog? _lastClient;

    private readonly int _snapshotRevision;
    private int _revision;

    /// <summary>An empty document at revision 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PadDocumentOptions.RetainedHistory"/> is negative.</exception>
    public PadDocument(PadDocumentOptions? options = null)
        : this(options, 0, string.Empty)
    {
    }

    private PadDocument(PadDocumentOptions? options, int revision, string text)
    {
        _options = options ?? PadDocumentOptions.Default;
        ArgumentNullException.ThrowIfNull(_options.Limits, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.RetainedHistory, nameof(options));
        _text = new GapBuffer(text);
        _snapshotRevision = revision;
        _revision = revision;
        _logFirstRevision = revision + 1;
    }

    /// <summary>Rebuilds a document from a snapshot (its log starts empty at the snapshot's revision).</summary>
    /// <remarks>
    /// <see cref="OldestBaseRevision"/> starts at the snapshot's revision. Runs of the same author that touch are merged
    /// and empty runs skipped. The document knows nothing of clients that committed before the snapshot: their seqs
    /// become known again only as <see cref="Replay"/> re-applies their later operations, so the host dedupes older
    /// resubmissions against its store.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The revision is negative, an author id is null or empty, a run is negative, or the runs do not sum to the text's length.
    /// </exception>
    public static PadDocument FromSnapshot(PadSnapshot snapshot, PadDocumentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(snapshot.Text, nameof(snapshot));
        ArgumentNullException.ThrowIfNull(snapshot.Authorship, nameof(snapshot));
        if (snapshot.Revision < 0)
        {
            throw new ArgumentException($"Snapshot revision {snapshot.Revision} is negative.", nameof(snapshot));
        }

        long total = 0;
        foreach (var run in snapshot.Authorship)
        {
            if (string.IsNullOrEmpty(run.AuthorId))
            {
                throw new ArgumentException("An authorship run has no author id.", nameof(snapshot));
            }

            if (run.Length < 0)
            {
                throw new ArgumentException($"An authorship run of {run.AuthorId} has a negative length ({run.Length}).", nameof(snapshot));
            }

            total += run.Length;
        }

        if (total != snapshot.Text.Length)
        {
            throw new ArgumentException(
                $"Authorship runs cover {total} code units but the text has {snapshot.Text.Length}.", nameof(snapshot));
        }

        var document = new PadDocument(options, snapshot.Revision, snapshot.Text);
        foreach (var run in snapshot.Authorship)
        {
            document._authorship.Append(document.InternAuthor(run.AuthorId), run.Length);
        }

        return document;
    }

    /// <summary>Head revision: the number of committed operations.</summary>
    public int Revision => _revision;

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => _text.Length;

    /// <summary>The oldest base revision <see cref="Commit"/> still accepts.</summary>
    /// <remarks>
    /// <c>max(snapshot revision, Revision - RetainedHistory)</c>: the log holds exactly the operations needed to rebase
    /// from there. <see cref="GetHistory"/> accepts the same range.
    /// </remarks>
    public int OldestBaseRevision => Math.Max(_snapshotRevision, _revision - _options.RetainedHistory);

    /// <summary>The options the document was created with.</summary>
    public PadDocumentOptions Options => _options;

    /// <summary>The current text.</summary>
    public string GetText() => _text.GetText();

    /// <summary>
    /// Rebases <paramref name="operation"/> (made against <paramref name="baseRevision"/>) over every operation committed
    /// after it, one at a time with transform(incoming, committed), validates and applies it, and logs it.
    /// A (client id, seq) already committed returns the original revision and changes nothing.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Order of checks: a seq at or below the client's last one is a resubmission, answered from the log (duplicate) or
    /// refused with <see cref="SequenceTooOldException"/>, whatever its base revision; then the base revision; then the
    /// rebased operation is validated against the current text with <see cref="PadDocumentOptions.Limits"/>. Each
    /// committed operation is transformed over separately, never composed first, so the result is exactly what each
    /// client computes step by step. The incoming operation is transform's first argument: when it and a committed
    /// operation insert at the same position, the incoming insert lands first.
    /// </para>
    /// <para>
    /// Before any rebase, the operation's own size is checked against <see cref="PadDocumentOptions.Limits"/>
    /// (components, inserted code units), its base length against the document at its base revision, and the rebase
    /// work against <see cref="OperationLimits.MaxRebaseWork"/>; so a hostile operation costs at most one pass over its
    /// components and one over the revisions it would cross, whatever its size.
    /// </para>
    /// <para>
    /// Seqs are per client and strictly increasing across commits (gaps allowed). A seq at or below the client's last
    /// that is not in the retained log, whether it fell out of the window or was never sent, is refused with
    /// <see cref="SequenceTooOldException"/>: the document cannot tell those apart and must never commit it twice.
    /// </para>
    /// </remarks>
    /// <returns>The operation as applied, the revision it produced, and whether it was a duplicate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="authorId"/> or <paramref name="clientId"/> is null or empty.</exception>
    /// <exception cref="SequenceTooOldException">An old seq that is no longer (or never was) in the retained log.</exception>
    /// <exception cref="RevisionAheadException"><paramref name="baseRevision"/> is above <see cref="Revision"/>.</exception>
    /// <exception cref="RevisionTooOldException">
    /// <paramref name="baseRevision"/> is below <see cref="OldestBaseRevision"/> (negative revisions included).
    /// </exception>
    /// <exception cref="RebaseBudgetExceededException">
    /// Rebasing it from <paramref name="baseRevision"/> would cost more than <see cref="OperationLimits.MaxRebaseWork"/>.
    /// </exception>
    /// <exception cref="OtException">
    /// The operation does not fit the document at its base revision or breaks a rule of
    /// <see cref="TextOperation.Validate{TText}"/> once rebased (length mismatch, surrogate split, limits...).
    /// </exception>
    public CommitResult Commit(int baseRevision, TextOperation operation, string authorId, string clientId, long seq)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentException.ThrowIfNullOrEmpty(authorId);
        ArgumentException.ThrowIfNullOrEmpty(clientId);

        var client = FindClient(clientId);
        if (client is not null && seq <= client.LastSeq)
        {
            if (TryFindRevision(client, seq, out var original))
            {
                return new CommitResult(EntryAt(original).Operation, original, Duplicate: true);
            }

            throw new SequenceTooOldException(clientId, seq, client.LastSeq);
        }

        if (baseRevision > _revision)
        {
            throw new RevisionAheadException(baseRevision, _revision);
        }

        var oldest = OldestBaseRevision;
        if (baseRevision < oldest)
        {
            throw new RevisionTooOldException(baseRevision, oldest);
        }

        CheckBeforeRebase(baseRevision, operation);

        var applied = operation;
        for (var revision = baseRevision + 1; revision <= _revision; revision++)
        {
            applied = TextOperation.TransformLeft(applied, EntryAt(revision).Operation);
        }

        applied.Validate(_text.AsText(), _options.Limits);

        // Nothing above mutated the document; nothing below can fail on valid input.
        Apply(applied, InternAuthor(authorId));
        _revision++;
        Append(new CommittedOperation(_revision, applied, authorId, clientId, seq), client);
        return new CommitResult(applied, _revision, Duplicate: false);
    }

    /// <summary>Re-applies an operation already committed elsewhere (loading from the store); it must be at the head.</summary>
    /// <remarks>
    /// The operation is checked only structurally (<see cref="TextOperation.Validate{TText}"/> with
    /// <see cref="OperationLimits.None"/>: base length, surrogate pairs), not against the current size limits, which may
    /// have changed since it was committed. Its (client id, seq) is remembered, so a resubmission is answered as a duplicate.
    /// </remarks>
    /// <exception cref="ArgumentException">The operation is missing, or an id is null or empty.</exception>
    /// <exception cref="InvalidOperationException">
    /// Its revision is not <c>Revision + 1</c>, or its seq is not above the client's last one.
    /// </exception>
    /// <exception cref="OtException">The operation does not apply to the current text.</exception>
    public void Replay(CommittedOperation committed)
    {
        if (committed.Operation is null)
        {
            throw new ArgumentException("The committed operation has no operation.", nameof(committed));
        }

        ArgumentException.ThrowIfNullOrEmpty(committed.AuthorId, nameof(committed));
        ArgumentException.ThrowIfNullOrEmpty(committed.ClientId, nameof(committed));
        if (committed.Revision != _revision + 1)
        {
            throw new InvalidOperationException(
                $"Cannot replay revision {committed.Revision}: the document is at revision {_revision}, so the next replay must be revision {_revision + 1}.");
        }

        var client = FindClient(committed.ClientId);
        if (client is not null && committed.Seq <= client.LastSeq)
        {
            throw new InvalidOperationException(
                $"Cannot replay revision {committed.Revision}: client {committed.ClientId} already committed seq {client.LastSeq}, and seqs must increase (replayed seq {committed.Seq}).");
        }

        committed.Operation.Validate(_text.AsText(), OperationLimits.None);
        Apply(committed.Operation, InternAuthor(committed.AuthorId));
        _revision++;
        Append(committed, client);
    }

    /// <summary>Authorship runs covering the text, in order.</summary>
    /// <remarks>Adjacent runs always have different authors and no run is empty; an empty text has no runs.</remarks>
    public IReadOnlyList<AuthorRun> GetAuthorship()
    {
        var runs = new List<(int Author, int Length)>(_authorship.RunCount);
        _authorship.CopyRunsTo(runs);
        var result = new AuthorRun[runs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new AuthorRun(_authors[runs[i].Author], runs[i].Length);
        }

        return result;
    }

    /// <summary>Text, revision and authorship at the head.</summary>
    public PadSnapshot CreateSnapshot() => new(_revision, GetText(), GetAuthorship());

    /// <summary>Checks the internal invariants (tests and debugging); throws <see cref="InvalidOperationException"/>.</summary>
    internal void CheckInvariants()
    {
        _authorship.CheckInvariants();
        if (_authorship.Length != _text.Length)
        {
            throw new InvalidOperationException($"Authorship covers {_authorship.Length} code units, the text has {_text.Length}.");
        }

        if (_logFirstRevision + _logCount != _revision + 1)
        {
            throw new InvalidOperationException("The log does not end at the head revision.");
        }

        if (_logFirstRevision > OldestBaseRevision + 1)
        {
            throw new InvalidOperationException("The log lost operations still needed to rebase.");
        }
    }

    /// <summary>Physical log entries, retained or not yet dropped (tests check trimming is bulk and bounded).</summary>
    internal int LogBufferCount => _logCount;

    /// <summary>The authorship tree (tests).</summary>
    internal AuthorshipTree Authorship => _authorship;

    /// <summary>The text storage (tests).</summary>
    internal GapBuffer Text => _text;

    /// <summary>Walks the components once: a retain moves the cursor, an insert or a delete edits text and authorship there.</summary>
    private void Apply(TextOperation operation, int author)
    {
        var cursor = 0;
        foreach (ref readonly var component in operation.Components)
        {
            if (component.IsRetain)
            {
                cursor += component.Length;
            }
            else if (component.IsInsert)
            {
                var text = component.Text;
                _text.Insert(cursor, text);
                _authorship.Insert(cursor, text.Length, author);
                cursor += text.Length;
            }
            else
            {
                _text.Delete(cursor, component.Length);
                _authorship.Delete(cursor, component.Length);
            }
        }
    }

    private int InternAuthor(string authorId)
    {
        if (ReferenceEquals(authorId, _lastAuthor))
        {
            return _lastAuthorIndex;
        }

        if (!_authorIndex.TryGetValue(authorId, out var index))
        {
            index = _authors.Count;
            _authors.Add(authorId);
            _authorIndex.Add(authorId, index);
        }

        _lastAuthor = authorId;
        _lastAuthorIndex = index;
        return index;
    }
}
