using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PadHub.Components.Pads;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads;

/// <summary>
/// The application service behind both adapters (the editor's circuit and the <c>/hubs/pad</c> hub): resolves link
/// tokens to capabilities, enforces them and the per-connection limits, and connects clients to the authority and the
/// fan-out.
/// </summary>
internal sealed class PadSessionService(
    IPadStore store,
    IPadAuthorityProvider authorities,
    PadFanout fanout,
    IOptions<PadLimitsOptions> limits,
    TimeProvider time,
    ISessionPadResolver? sessionPads = null,
    PadLinkRevocations? padLinks = null) : IPadSessionService
{
    /// <summary>Longest client id accepted.</summary>
    public const int MaxClientIdLength = ClientIdentity.MaxLength;

    /// <summary>Longest display name accepted.</summary>
    public const int MaxDisplayNameLength = 64;

    private const int MaxTokenLength = 128;

    private readonly ClientRoleBindings _roles = new();

    // The circuit's editor is one listener for all its joins; a hub join brings a fresh listener and is limited per
    // SignalR connection by the hub instead.
    private readonly ConditionalWeakTable<IPadListener, TokenBucket> _joins = new();

    public async Task<IPadConnection> ConnectAsync(PadJoinRequest request, IPadListener listener, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listener);
        var clientId = ClientIdentity.Validate(request.ClientId);
        var displayName = ValidateDisplayName(request.DisplayName);
        var limit = limits.Value;
        if (!_joins.GetValue(listener, _ => new TokenBucket(limit.JoinsPerSecond, limit.JoinBurst, time)).TryTake())
        {
            throw new PadException(PadErrorCodes.RateLimited, $"More than {limit.JoinsPerSecond} joins a second; wait and join again.");
        }

        if (string.IsNullOrEmpty(request.Token) || request.Token.Length > MaxTokenLength)
        {
            throw new PadException(PadErrorCodes.NotFound, "This link is not valid.");
        }

        // A pad's own link first (stand-alone pads, unchanged), then a workshop session's link.
        ISessionPadGate? gate = null;
        var linkVersion = padLinks?.Version ?? 0;
        var access = await store.ResolveTokenAsync(request.Token, cancellationToken).ConfigureAwait(false);
        if (access is not null)
        {
            if (!string.IsNullOrEmpty(request.PadId) && !string.Equals(request.PadId, access.PadId, StringComparison.Ordinal))
            {
                throw new PadException(PadErrorCodes.Forbidden, $"This token does not grant access to pad '{request.PadId}'.");
            }
        }
        else
        {
            gate = sessionPads is null ? null : await sessionPads.ResolveAsync(request.Token, request.PadId, cancellationToken).ConfigureAwait(false);
            if (gate is null)
            {
                throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");
            }

            access = new PadAccess(gate.PadId, gate.Current.Role);
        }

        try
        {
            var connection = await JoinAsync(access, gate, clientId, displayName, listener, cancellationToken).ConfigureAwait(false);
            if (gate is null && padLinks is not null)
            {
                WatchForReplacedLink(connection, padLinks, linkVersion);
            }

            return connection;
        }
        catch
        {
            gate?.Dispose();
            throw;
        }
    }

    /// <summary>A stand-alone pad's link replaced through the API closes the connections that used it, as a revoked session link does.</summary>
    private static void WatchForReplacedLink(PadConnection connection, PadLinkRevocations padLinks, long linkVersion)
    {
        var joined = connection.Joined;
        connection.LinkRegistration = padLinks.Register(joined.PadId, joined.Role, linkVersion, () =>
        {
            connection.MarkLinkRevoked();
            connection.Subscription.EnqueueAccessChanged(
                new PadAccessState(joined.Role, CanWrite: false, "This link was replaced; ask for the new one.", Revoked: true), connection.DisposeAsync);
        });
    }

    private async Task<PadConnection> JoinAsync(
        PadAccess access, ISessionPadGate? gate, string clientId, string displayName, IPadListener listener, CancellationToken cancellationToken)
    {
        var clientTag = ClientIdentity.TagFor(clientId);
        await BindRoleAsync(access, clientId, clientTag, cancellationToken).ConfigureAwait(false);
        var authorId = AuthorIdentity.AuthorIdFor(clientId);
        var author = new PadAuthor(authorId, displayName, AuthorIdentity.ColorFor(authorId));

        // Only someone who can write gets (or renames) an author: a view link costs no row and renames no one.
        Func<CancellationToken, Task>? saveAuthor = ct => store.SaveAuthorAsync(author, ct);
        if (access.Role == PadRole.Editor)
        {
            await saveAuthor(cancellationToken).ConfigureAwait(false);
            saveAuthor = null;
        }

        var authority = authorities.GetAuthority(access.PadId);
        var participant = new PadParticipant(ClientIdentity.NewParticipantId(), authorId, displayName, author.Color, access.Role);

        // Subscribe before reading the state: whatever commits in between is queued, then skipped up to the state's revision.
        var subscription = fanout.Subscribe(access.PadId, participant, listener, clientTag);
        try
        {
            var state = await authority.GetStateAsync(cancellationToken).ConfigureAwait(false);
            subscription.SetFloor(state.Revision);
            var participants = fanout.GetParticipants(access.PadId);
            var authorIds = state.Authorship.Select(r => r.AuthorId).Concat(participants.Select(p => p.AuthorId)).ToHashSet(StringComparer.Ordinal);
            var authors = await store.GetAuthorsAsync(authorIds, cancellationToken).ConfigureAwait(false);
            var joined = new PadJoined(access.PadId, state.Revision, state.Text, access.Role, authorId, author.Color,
                state.Authorship, authors, participants, gate?.Current, gate?.SessionId, participant.ParticipantId, clientTag);
            var connection = new PadConnection(joined, clientId, authority, subscription, fanout, limits.Value, time, gate, saveAuthor);
            // Access changes go through the connection's own queue, so the listener's calls stay one at a time and in
            // order with its other events; a revoked connection is closed once it has been told.
            gate?.OnChanged(changed =>
            {
                subscription.EnqueueAccessChanged(changed, changed.Revoked ? connection.DisposeAsync : null);
                return ValueTask.CompletedTask;
            });
            return connection;
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A client id is usable on a pad only under the role it was first used with there, so nobody holding another kind
    /// of link can act under it. Editors' ids are known durably by their commits, viewers' ids in memory only.
    /// </summary>
    private async Task BindRoleAsync(PadAccess access, string clientId, string clientTag, CancellationToken cancellationToken)
    {
        if ((access.Role == PadRole.Viewer && await store.HasClientAsync(access.PadId, clientId, cancellationToken).ConfigureAwait(false))
            || _roles.Bind(access.PadId, clientTag, access.Role) != access.Role)
        {
            throw new PadException(PadErrorCodes.Forbidden,
                "This clientId was first used on this pad with another kind of link; join with a new clientId.")
            { ClientIdInUse = true };
        }
    }

    private static string ValidateDisplayName(string? displayName)
    {
        var name = displayName?.Trim() ?? string.Empty;
        if (name.Length > MaxDisplayNameLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"displayName is longer than {MaxDisplayNameLength} characters.");
        }

        if (name.Any(char.IsControl))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "displayName must not contain control characters.");
        }

        return name.Length == 0 ? "Anonymous" : name;
    }
}

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
    Func<CancellationToken, Task>? saveAuthor = null) : IPadConnection
{
    private readonly TokenBucket _submits = new(limits.SubmitsPerSecond, limits.SubmitBurst, time);
    private readonly TokenBucket _carets = new(limits.SubmitsPerSecond, limits.SubmitBurst, time);
    private readonly TokenBucket _history = new(limits.HistoryPagesPerSecond, limits.HistoryBurst, time);
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

        var command = new PadSubmitCommand(Joined.AuthorId, clientId, seq, baseRevision, operation)
        {
            // Checked again in the pad's serial order, where a session lock is ordered (IPadAuthority.SettleAsync).
            WriteAccess = gate is null ? null : () => gate.Current,
        };
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
