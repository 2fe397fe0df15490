using Microsoft.Extensions.Options;
using PadHub.Components.Pads;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
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
    public const int MaxClientIdLength = 64;

    /// <summary>Longest display name accepted.</summary>
    public const int MaxDisplayNameLength = 64;

    private const int MaxTokenLength = 128;

    public async Task<IPadConnection> ConnectAsync(PadJoinRequest request, IPadListener listener, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listener);
        var clientId = ValidateClientId(request.ClientId);
        var displayName = ValidateDisplayName(request.DisplayName);
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
        var authorId = AuthorIdentity.AuthorIdFor(clientId);
        var author = new PadAuthor(authorId, displayName, AuthorIdentity.ColorFor(authorId));
        await store.SaveAuthorAsync(author, cancellationToken).ConfigureAwait(false);

        var authority = authorities.GetAuthority(access.PadId);
        var participant = new PadParticipant(clientId, authorId, displayName, author.Color, access.Role);

        // Subscribe before reading the state: whatever commits in between is queued, then skipped up to the state's revision.
        var subscription = fanout.Subscribe(access.PadId, participant, listener);
        try
        {
            var state = await authority.GetStateAsync(cancellationToken).ConfigureAwait(false);
            subscription.SetFloor(state.Revision);
            var participants = fanout.GetParticipants(access.PadId);
            var authorIds = state.Authorship.Select(r => r.AuthorId).Concat(participants.Select(p => p.AuthorId)).ToHashSet(StringComparer.Ordinal);
            var authors = await store.GetAuthorsAsync(authorIds, cancellationToken).ConfigureAwait(false);
            var joined = new PadJoined(access.PadId, state.Revision, state.Text, access.Role, authorId, author.Color,
                state.Authorship, authors, participants, gate?.Current, gate?.SessionId);
            var connection = new PadConnection(joined, clientId, authority, subscription, fanout, limits.Value, time, gate);
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

    private static string ValidateClientId(string? clientId)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > MaxClientIdLength
            || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new PadException(PadErrorCodes.InvalidOp,
                $"clientId must be 1 to {MaxClientIdLength} characters of A-Z, a-z, 0-9, '-' and '_' (a UUID is a good choice).");
        }

        return clientId;
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
    ISessionPadGate? gate = null) : IPadConnection
{
    private readonly TokenBucket _submits = new(limits.SubmitsPerSecond, limits.SubmitBurst, time);
    private readonly TokenBucket _carets = new(limits.SubmitsPerSecond, limits.SubmitBurst, time);
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

        var command = new PadSubmitCommand(Joined.AuthorId, clientId, seq, baseRevision, operation)
        {
            // Checked again in the pad's serial order, where a session lock is ordered (IPadAuthority.SettleAsync).
            WriteAccess = gate is null ? null : () => gate.Current,
        };
        var result = await authority.SubmitAsync(command, cancellationToken).ConfigureAwait(false);
        return result.Revision;
    }

    public async Task<IReadOnlyList<PadOperationEvent>> GetHistoryAsync(int fromRevision, CancellationToken cancellationToken = default)
    {
        EnsureNotRevoked();
        EnsureOpen();
        var history = await authority.GetHistoryAsync(fromRevision, cancellationToken).ConfigureAwait(false);
        return [.. history.Select(c => new PadOperationEvent(Joined.PadId, c.Revision, c.Operation, c.AuthorId, c.ClientId, c.Seq))];
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
            fanout.PublishCaret(new PadCaret(Joined.PadId, clientId, Joined.AuthorId, revision, anchor, head));
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
