using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

/// <summary>
/// The smallest correct authority, kept as an independent oracle for <see cref="PadDocument"/>: a string, the full
/// log, incoming operations rebased one committed operation at a time with <c>Transform(incoming, committed).APrime</c>,
/// idempotency by (client id, seq), and authorship as one author id per code unit.
/// </summary>
internal sealed class ReferenceServer
{
    private readonly List<CommittedOperation> _log = [];
    private readonly Dictionary<(string ClientId, long Seq), int> _committed = [];
    private readonly List<string> _authorOfUnit;

    public ReferenceServer(string initialText, string initialAuthor = "initial")
    {
        InitialText = Text = initialText;
        _authorOfUnit = [.. Enumerable.Repeat(initialAuthor, initialText.Length)];
    }

    public string InitialText { get; }

    public string Text { get; private set; }

    public int Revision => _log.Count;

    public IReadOnlyList<CommittedOperation> Log => _log;

    public CommitResult Commit(int baseRevision, TextOperation operation, string authorId, string clientId, long seq)
    {
        if (_committed.TryGetValue((clientId, seq), out var original))
        {
            return new CommitResult(_log[original - 1].Operation, original, Duplicate: true);
        }

        if (baseRevision > Revision)
        {
            throw new RevisionAheadException(baseRevision, Revision);
        }

        for (var i = baseRevision; i < _log.Count; i++)
        {
            operation = TextOperation.Transform(operation, _log[i].Operation).APrime;
        }

        operation.Validate(Text, OperationLimits.None);
        Text = operation.Apply(Text);
        ApplyAuthorship(operation, authorId);
        _log.Add(new CommittedOperation(Revision + 1, operation, authorId, clientId, seq));
        _committed.Add((clientId, seq), Revision);
        return new CommitResult(operation, Revision, Duplicate: false);
    }

    /// <summary>Authorship as runs: consecutive code units of one author merged.</summary>
    public IReadOnlyList<AuthorRun> GetAuthorship()
    {
        var runs = new List<AuthorRun>();
        foreach (var author in _authorOfUnit)
        {
            if (runs.Count > 0 && string.Equals(runs[^1].AuthorId, author, StringComparison.Ordinal))
            {
                runs[^1] = runs[^1] with { Length = runs[^1].Length + 1 };
            }
            else
            {
                runs.Add(new AuthorRun(author, 1));
            }
        }

        return runs;
    }

    public IReadOnlyList<CommittedOperation> GetHistory(int fromRevision) => _log.GetRange(fromRevision, _log.Count - fromRevision);

    private void ApplyAuthorship(TextOperation operation, string authorId)
    {
        var at = 0;
        foreach (var component in operation.Components)
        {
            if (component.IsRetain)
            {
                at += component.Length;
            }
            else if (component.IsInsert)
            {
                _authorOfUnit.InsertRange(at, Enumerable.Repeat(authorId, component.Length));
                at += component.Length;
            }
            else
            {
                _authorOfUnit.RemoveRange(at, component.Length);
            }
        }
    }

    /// <summary>Replays a committed log from scratch, independently of whoever produced it.</summary>
    public static string Replay(string initialText, IEnumerable<CommittedOperation> log)
    {
        var text = initialText;
        var revision = 0;
        foreach (var entry in log)
        {
            if (entry.Revision != ++revision)
            {
                throw new InvalidOperationException($"The log skips from revision {revision - 1} to {entry.Revision}.");
            }

            text = entry.Operation.Apply(text);
        }

        return text;
    }
}
