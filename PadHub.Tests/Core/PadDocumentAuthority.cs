using System.Globalization;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

/// <summary>
/// The simulation's server: a <see cref="PadDocument"/> driven the way the pad authority drives it, with a durable
/// store (every commit appended) behind it for what fell out of its retained history, and a <see cref="ReferenceServer"/>
/// fed the same submissions in lockstep as an independent oracle: every commit must give the same revision, duplicate
/// flag and rebased operation, and the texts and authorship must agree.
/// </summary>
internal sealed class PadDocumentAuthority
{
    private const string InitialAuthor = "initial";
    private readonly PadDocument _document;
    private readonly ReferenceServer _oracle;
    private readonly List<CommittedOperation> _store = [];
    private readonly Dictionary<(string ClientId, long Seq), int> _storeIndex = [];

    public PadDocumentAuthority(string initialText, PadDocumentOptions options)
    {
        IReadOnlyList<AuthorRun> runs = initialText.Length == 0 ? [] : [new AuthorRun(InitialAuthor, initialText.Length)];
        _document = PadDocument.FromSnapshot(new PadSnapshot(0, initialText, runs), options);
        _oracle = new ReferenceServer(initialText, InitialAuthor);
    }

    public int Revision => _document.Revision;

    /// <summary>History answers served from the store because the document no longer retained them.</summary>
    public long StoreHistoryReads { get; private set; }

    /// <summary>Resubmissions the document refused as too old to tell, found in the store as duplicates.</summary>
    public long StoreDuplicateLookups { get; private set; }

    /// <summary>The store: every committed operation from revision 1.</summary>
    public IReadOnlyList<CommittedOperation> Store => _store;

    public string GetText() => _document.GetText();

    public PadSnapshot CreateSnapshot() => _document.CreateSnapshot();

    /// <summary>
    /// Commits like the host: the document first; a seq it can no longer tell is looked up in the store.
    /// <see cref="RevisionTooOldException"/> reaches the caller, who tells the client to re-send once caught up.
    /// </summary>
    public CommitResult Commit(int baseRevision, TextOperation operation, string authorId, string clientId, long seq)
    {
        CommitResult result;
        try
        {
            result = _document.Commit(baseRevision, operation, authorId, clientId, seq);
        }
        catch (SequenceTooOldException) when (_storeIndex.TryGetValue((clientId, seq), out var original))
        {
            StoreDuplicateLookups++;
            result = new CommitResult(_store[original - 1].Operation, original, Duplicate: true);
        }

        var expected = _oracle.Commit(baseRevision, operation, authorId, clientId, seq);
        if (result.Revision != expected.Revision || result.Duplicate != expected.Duplicate || !result.Applied.Equals(expected.Applied))
        {
            throw new InvalidOperationException(Invariant(
                $"PadDocument committed {clientId} seq {seq} (base {baseRevision}, {operation}) as revision {result.Revision} duplicate={result.Duplicate} {result.Applied}; the reference server as revision {expected.Revision} duplicate={expected.Duplicate} {expected.Applied}"));
        }

        if (!result.Duplicate)
        {
            _store.Add(new CommittedOperation(result.Revision, result.Applied, authorId, clientId, seq));
            _storeIndex.Add((clientId, seq), result.Revision);
            if (_document.Length != _oracle.Text.Length || (result.Revision % 64 == 0 && !string.Equals(_document.GetText(), _oracle.Text, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException(Invariant($"PadDocument's text differs from the reference server's at revision {result.Revision}"));
            }
        }

        return result;
    }

    /// <summary>Missed history like the host serves it: from the document while retained, else from the store.</summary>
    public IReadOnlyList<CommittedOperation> GetHistory(int fromRevision)
    {
        if (fromRevision >= _document.OldestBaseRevision)
        {
            return _document.GetHistory(fromRevision);
        }

        StoreHistoryReads++;
        return _store.GetRange(fromRevision, _store.Count - fromRevision);
    }

    /// <summary>Final check against the oracle: same text, same authorship runs.</summary>
    public void CheckAgainstOracle()
    {
        if (!string.Equals(_document.GetText(), _oracle.Text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("PadDocument's final text differs from the reference server's.");
        }

        var actual = _document.GetAuthorship();
        var expected = _oracle.GetAuthorship();
        if (!actual.SequenceEqual(expected))
        {
            throw new InvalidOperationException(Invariant(
                $"PadDocument has {actual.Count} authorship runs, the reference server {expected.Count}; first difference at run {actual.Zip(expected).TakeWhile(p => p.First == p.Second).Count()}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
