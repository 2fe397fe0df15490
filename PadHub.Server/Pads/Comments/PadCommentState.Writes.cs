using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Comments;

// Adding and resolving (store first, then memory, then the views), and writing moved anchors back.
internal sealed partial class PadCommentState
{
    public async Task<string> AddAsync(PadCommentCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var request = command.Request;
        var text = CommentText.Validate(request.Text);
        await _loaded.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            PadComment comment;
            int revision;
            lock (_gate)
            {
                if (_comments.Count >= PadComment.MaxPerPad)
                {
                    throw new PadException(PadErrorCodes.TooLarge, $"This pad has {PadComment.MaxPerPad} comments already, the most it keeps.");
                }

                revision = _revision;
                var (replyTo, anchor) = request.ReplyTo is { } parentId ? ReplyAnchorLocked(parentId) : (null, AnchorAtHeadLocked(request));
                comment = new PadComment(Guid.CreateVersion7(_time.GetUtcNow()).ToString("N"), anchor.From, anchor.To, text,
                    command.AuthorId, command.DisplayName, replyTo, Resolved: false, anchor.OnDeletedText, _time.GetUtcNow());
            }

            await _store.AddCommentAsync(_padId, new StoredComment(comment, revision), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                // Operations written while the row was: its anchor moves through them like every other's.
                var entry = new Entry(comment, new TextAnchor(comment.From, comment.To, comment.OnDeletedText), revision);
                if (comment.ReplyTo is null)
                {
                    foreach (var operation in _recent.Where(o => o.Revision > revision))
                    {
                        entry.Anchor = entry.Anchor.Transform(operation.Operation);
                    }

                    _moved.Add(comment.CommentId);
                }

                _comments.Add(entry);
                _byId[comment.CommentId] = entry;
                _snapshot = null;
            }

            Notify();
            return comment.CommentId;
        }
        finally
        {
            _writes.Release();
        }
    }

    public async Task ResolveAsync(string commentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commentId);
        await _loaded.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Entry root;
            lock (_gate)
            {
                if (!_byId.TryGetValue(commentId, out var entry))
                {
                    throw new PadException(PadErrorCodes.InvalidOp, $"This pad has no comment '{commentId}'.");
                }

                root = entry.Comment.ReplyTo is { } rootId ? _byId[rootId] : entry;
                if (root.Comment.Resolved)
                {
                    return;
                }
            }

            await _store.ResolveCommentAsync(_padId, root.Comment.CommentId, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                root.Comment = root.Comment with { Resolved = true };
                _snapshot = null;
            }

            Notify();
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Writes the anchors that moved since the last write, at the revision they are valid at, in one transaction.</summary>
    public async Task FlushAsync()
    {
        List<StoredAnchor> anchors;
        lock (_gate)
        {
            if (_moved.Count == 0 || _pending is not null)
            {
                return;
            }

            anchors = [.. _moved.Select(id => _byId[id]).Select(e => new StoredAnchor(e.Comment.CommentId, e.Anchor.From, e.Anchor.To, e.Anchor.OnDeletedText, _revision))];
            _moved.Clear();
        }

        try
        {
            await _store.SaveAnchorsAsync(_padId, anchors).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed write is retried at the next tick; the history still holds every operation.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                foreach (var anchor in anchors)
                {
                    _moved.Add(anchor.CommentId);
                }
            }

            LogFlushFailed(_logger, _padId, ex);
        }
    }

    private (string ReplyTo, TextAnchor Anchor) ReplyAnchorLocked(string parentId)
    {
        if (!_byId.TryGetValue(parentId, out var parent))
        {
            throw new PadException(PadErrorCodes.InvalidOp, $"replyTo: this pad has no comment '{parentId}'.");
        }

        var root = parent.Comment.ReplyTo is { } rootId ? _byId[rootId] : parent;
        return (root.Comment.CommentId, root.Anchor);
    }

    /// <summary>The request's passage moved from the revision it was made at to the head, checked against that revision's text.</summary>
    private TextAnchor AnchorAtHeadLocked(PadCommentRequest request)
    {
        var at = request.Revision ?? _revision;
        if (at > _revision || at < 0)
        {
            throw new PadException(PadErrorCodes.StaleRevision, $"revision {at} is not between 0 and the head ({_revision}).");
        }

        var operations = _recent.Where(o => o.Revision > at).ToList();
        if (operations.Count != _revision - at)
        {
            throw new PadException(PadErrorCodes.StaleRevision, $"revision {at} is too far behind the head ({_revision}); ask again from a later one.");
        }

        var length = operations.Count > 0 ? operations[0].Operation.BaseLength : _length;
        if (request.From < 0 || request.To > length || request.From >= request.To)
        {
            throw new PadException(PadErrorCodes.InvalidOp,
                $"[{request.From}, {request.To}) is not a non-empty passage of the text at revision {at} ({length} code units).");
        }

        var anchor = TextAnchor.Passage(request.From, request.To, length);
        foreach (var operation in operations)
        {
            anchor = anchor.Transform(operation.Operation);
        }

        return anchor;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad {PadId}: writing moved comment anchors failed; retried at the next tick")]
    private static partial void LogFlushFailed(ILogger logger, string padId, Exception exception);
}
