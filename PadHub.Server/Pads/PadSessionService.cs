using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Access;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Comments;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Pads.Links;
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
    PadLinkRevocations? padLinks = null,
    PadCommentsProvider? comments = null) : IPadSessionService
{
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
            var connection = new PadConnection(joined, clientId, authority, subscription, fanout, limits.Value, time, gate, saveAuthor,
                comments?.Get(access.PadId));
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
        if (name.Length > PadJoinRequest.MaxDisplayNameLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"displayName is longer than {PadJoinRequest.MaxDisplayNameLength} characters.");
        }

        if (name.Any(char.IsControl))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "displayName must not contain control characters.");
        }

        return name.Length == 0 ? "Anonymous" : name;
    }
}
