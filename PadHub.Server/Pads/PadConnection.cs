using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Access;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Comments;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Pads.Links;

namespace PadHub.Server.Pads;

/// <summary>One client's membership of one pad.</summary>
internal sealed class PadConnection(
    PadJoined joined,
    string clientId,
    IPadAuthority authority,
    PadSubscription subscription,
    PadFanout fanout,
    PadLimitsOptions limits,
    TimeProvider time,
    ISessionPadGate? gate = null,
    Func<CancellationToken, Task>? saveAuthor = null,
    IPadComments? comments = null) : IPadConnection
{
    /// <summary>Comment calls (add, resolve, list) a connection may make per second, and in a burst.</summary>
    internal const int CommentCallsPerSecond = 2;

    internal const int CommentCallBurst = 20;

    private readonly TokenBucket _commentCalls = new(CommentCallsPerSecond, CommentCallBurst, time);
    private readonly TokenBucket _submits = new(limits.SubmitsPerSecond, limits.SubmitBurst, time);
    private readonly TokenBucket _carets = new(limits.SubmitsPerSecond, limits.SubmitBurst, time);
    private readonly TokenBucket _history = new(limits.HistoryPagesPerSecond, limits.HistoryBurst, time);
    private readonly TokenBucket _revisionCalls = new(limits.RevisionCallsPerSecond, limits.RevisionCallBurst, time);
    private Func<CancellationToken, Task>? _saveAuthor = saveAuthor;
    private int _disposed;
    private volatile bool _linkRevoked;

    public PadJoined Joined { get; } = joined;

    public OperationLimits Limits { get; } = limits.ToOperationLimits();

    internal PadSubscription Subscription => subscription;

    /// <summary>Set for a stand-alone pad's link (<see cref="PadLinkRevocations"/>); disposed with the connection.</summary>
    internal IDisposable? LinkRegistration { get; set; }

    /// <summary>The connection left the pad, or its link was revoked (the server closes it right after telling it).</summary>
    public bool IsClosed => Volatile.Read(ref _disposed) == 1 || _linkRevoked || gate?.Current.Revoked == true;

    /// <summary>The pad's own link this connection joined with was replaced: every further call is refused.</summary>
    internal void MarkLinkRevoked() => _linkRevoked = true;

    public async Task<int> SubmitAsync(long seq, int baseRevision, TextOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        EnsureWritable("This link only allows following the pad, not editing it.");

        if (seq < 1)
        {
            throw new PadException(PadErrorCodes.InvalidOp, "seq must be 1 or more.");
        }

        if (!_submits.TryTake())
        {
            throw new PadException(PadErrorCodes.RateLimited,
                $"This connection sends more than {limits.SubmitsPerSecond} operations a second; wait and resend (same seq).");
        }

        // Joined without write access (an audience link the moderator has since let edit): the author exists from now on.
        if (_saveAuthor is { } save)
        {
            await save(cancellationToken).ConfigureAwait(false);
            _saveAuthor = null;
        }

        var command = new PadSubmitCommand(Joined.AuthorId, clientId, seq, baseRevision, operation) { WriteAccess = WriteAccess() };
        var result = await authority.SubmitAsync(command, cancellationToken).ConfigureAwait(false);
        return result.Revision;
    }

    public async Task<PadHistoryPage> GetHistoryAsync(int fromRevision, CancellationToken cancellationToken = default)
    {
        EnsureNotRevoked();
        EnsureOpen();
        if (!_history.TryTake())
        {
            throw new PadException(PadErrorCodes.RateLimited,
                $"This connection reads more than {limits.HistoryPagesPerSecond} history pages a second; wait and ask again.");
        }

        var page = await authority.GetHistoryAsync(fromRevision, PadHistoryPage.MaxOperations, cancellationToken).ConfigureAwait(false);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal); // a page holds few clients: hash each once
        var operations = new PadOperationEvent[page.Operations.Count];
        for (var i = 0; i < operations.Length; i++)
        {
            var c = page.Operations[i];
            if (!tags.TryGetValue(c.ClientId, out var tag))
            {
                tags.Add(c.ClientId, tag = ClientIdentity.TagFor(c.ClientId));
            }

            operations[i] = new PadOperationEvent(Joined.PadId, c.Revision, c.Operation, c.AuthorId, tag, c.Seq);
        }

        return new PadHistoryPage(operations, page.HeadRevision, page.HasMore);
    }

    public Task<PadRevision> GetRevisionAsync(int revision, CancellationToken cancellationToken = default)
    {
        EnsureReadable();
        return authority.GetRevisionAsync(revision, cancellationToken);
    }

    public Task<PadDiff> GetDiffAsync(int fromRevision, int toRevision, CancellationToken cancellationToken = default)
    {
        EnsureReadable();
        return authority.GetDiffAsync(fromRevision, toRevision, cancellationToken);
    }

    public Task<PadNamedRevision> NameRevisionAsync(int revision, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureWritable("This link only allows following the pad, not naming its revisions.");
        var trimmed = RevisionName.Validate(name);
        TakeRevisionCall();
        return authority.NameRevisionAsync(revision, trimmed, Joined.AuthorId, WriteAccess(), cancellationToken);
    }

    public Task<int> RestoreRevisionAsync(int revision, int? passageFrom, int? passageTo, CancellationToken cancellationToken = default)
    {
        EnsureWritable("This link only allows following the pad, not restoring its revisions.");

        // Restoring rewrites what a whole group wrote: the group's note-taker or the moderator, never the audience, even
        // when the session lets the audience write.
        if (gate is not null && gate.LinkRole is not (SessionRole.Moderator or SessionRole.NoteTaker))
        {
            throw new PadException(PadErrorCodes.Forbidden, "Only the group's note-taker or the moderator may restore a revision.");
        }

        TakeRevisionCall();
        var command = new PadRestoreCommand(Joined.AuthorId, revision, passageFrom, passageTo) { WriteAccess = WriteAccess() };
        return authority.RestoreRevisionAsync(command, cancellationToken);
    }

    public Task<IReadOnlyList<PadNamedRevision>> GetNamedRevisionsAsync(CancellationToken cancellationToken = default)
    {
        EnsureReadable();
        return authority.GetNamedRevisionsAsync(cancellationToken);
    }

    public Task UpdateCaretAsync(int revision, int anchor, int head, CancellationToken cancellationToken = default)
    {
        EnsureWritable("This link only allows following the pad.");

        if (revision < 0 || anchor < 0 || head < 0)
        {
            throw new PadException(PadErrorCodes.InvalidOp, "revision, anchor and head must be 0 or more.");
        }

        // Carets are best effort: beyond the rate they are dropped, never an error.
        if (_carets.TryTake())
        {
            fanout.PublishCaret(new PadCaret(Joined.PadId, Joined.ParticipantId, Joined.AuthorId, revision, anchor, head));
        }

        return Task.CompletedTask;
    }

    public PadCommentRights CommentRights =>
        gate?.CommentRights ?? (Joined.Role == PadRole.Editor ? new PadCommentRights(CanComment: true, CanResolve: true) : PadCommentRights.None);

    public Task<string> AddCommentAsync(PadCommentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pad = CommentsFor(CommentRights.CanComment, "This link does not allow commenting on the pad now.");
        return pad.AddAsync(new PadCommentCommand(request, Joined.AuthorId, DisplayName()), cancellationToken);
    }

    public Task ResolveCommentAsync(string commentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commentId);
        var pad = CommentsFor(CommentRights.CanResolve, "Only the group's note-takers and the moderator (or a pad's editors) resolve comments.");
        return pad.ResolveAsync(commentId, cancellationToken);
    }

    public Task<PadComments> GetCommentsAsync(CancellationToken cancellationToken = default) =>
        CommentsFor(allowed: true, string.Empty).GetAsync(cancellationToken);

    private IPadComments CommentsFor(bool allowed, string refusal)
    {
        EnsureNotRevoked();
        EnsureOpen();
        if (comments is null)
        {
            throw new PadException(PadErrorCodes.Forbidden, "Comments are not available on this server.");
        }

        if (!allowed)
        {
            throw new PadException(PadErrorCodes.Forbidden, refusal);
        }

        if (!_commentCalls.TryTake())
        {
            throw new PadException(PadErrorCodes.RateLimited,
                $"This connection makes more than {CommentCallsPerSecond} comment calls a second; wait and try again.");
        }

        return comments;
    }

    private string DisplayName() =>
        Joined.Participants.FirstOrDefault(p => p.ParticipantId == Joined.ParticipantId)?.DisplayName ?? "Anonymous";

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        gate?.Dispose();
        LinkRegistration?.Dispose();
        return subscription.DisposeAsync();
    }

    /// <summary>
    /// Writing needs an editor's link; a session link is also re-checked against the session now (lock, audience
    /// setting, revoked link), synchronously, so a change made a moment ago applies to this very call.
    /// </summary>
    private void EnsureWritable(string viewerMessage)
    {
        if (gate is not null)
        {
            var access = gate.Current;
            if (!access.CanWrite)
            {
                throw new PadException(PadErrorCodes.Forbidden, access.Reason ?? "This link does not allow editing now.");
            }
        }

        EnsureNotRevoked();
        EnsureOpen();
        if (gate is null && Joined.Role != PadRole.Editor)
        {
            throw new PadException(PadErrorCodes.Forbidden, viewerMessage);
        }
    }

    /// <summary>
    /// A session link's access, for the authority to check again in the pad's serial order, where a session lock is
    /// ordered (<see cref="IPadAuthority.SettleAsync"/>); null for a pad's own link, whose access never changes.
    /// </summary>
    private Func<PadAccessState>? WriteAccess() => gate is null ? null : () => gate.Current;

    private void EnsureReadable()
    {
        EnsureNotRevoked();
        EnsureOpen();
        TakeRevisionCall();
    }

    private void TakeRevisionCall()
    {
        if (!_revisionCalls.TryTake())
        {
            throw new PadException(PadErrorCodes.RateLimited,
                $"This connection makes more than {limits.RevisionCallsPerSecond} revision calls a second; wait and ask again.");
        }
    }

    private void EnsureNotRevoked()
    {
        if (_linkRevoked)
        {
            throw new PadException(PadErrorCodes.Forbidden, "This link was replaced; ask for the new one.");
        }

        if (gate?.Current is { Revoked: true } access)
        {
            throw new PadException(PadErrorCodes.Forbidden, access.Reason ?? "This link was revoked.");
        }
    }

    private void EnsureOpen()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            throw new PadException(PadErrorCodes.Forbidden, "This connection has left the pad; join again.");
        }
    }
}
