using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Diffs;
using PadHub.Server.Hosting;
using PadHub.Server.Hubs.Wire;

namespace PadHub.Server.Hubs;

/// <summary>
/// <c>/hubs/pad</c>: the pad protocol for programmatic clients (bots, integrations, load tests). Thin and stateless:
/// it validates, calls the same <see cref="IPadSessionService"/> the editor uses, and the error filter turns
/// <see cref="PadException"/> into a <see cref="HubException"/> whose message starts with the stable code.
/// </summary>
public sealed class PadSyncHub(
    IPadSessionService sessions,
    IHubContext<PadSyncHub, IPadClient> hubContext,
    PadHubConnections connections,
    IOptions<PadLimitsOptions> limits,
    TimeProvider time) : Hub<IPadClient>
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/pad";

    private const int MaxIdLength = 128;

    // Room for surrounding whitespace: the trimmed name is held to PadNamedRevision.MaxNameLength (too-large past it).
    private const int MaxNameFieldLength = 4 * PadNamedRevision.MaxNameLength;

    // Room for CRLFs and surrounding whitespace: the trimmed text is held to PadComment.MaxTextLength (too-large past it).
    private const int MaxCommentFieldLength = 4 * PadComment.MaxTextLength;

    /// <summary>Joins a pad: <c>{ padId, token, clientId, displayName }</c>.</summary>
    public async Task<JoinResponse> Join(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(Join));
        var padId = r.String("padId", MaxIdLength);
        var token = r.String("token", MaxIdLength);
        var clientId = r.String("clientId", PadJoinRequest.MaxClientIdLength);
        var displayName = r.String("displayName", PadJoinRequest.MaxDisplayNameLength, required: false);
        if (!Limits().Joins.TryTake())
        {
            throw new PadException(PadErrorCodes.RateLimited, $"This connection joins more than {limits.Value.JoinsPerSecond} pads a second; wait and join again.");
        }

        var memberships = Memberships();

        // A membership the server closed (its session link was revoked) does not block joining again with another link.
        if (memberships.TryGetValue(padId, out var existing) && existing.Connection.IsClosed)
        {
            memberships.TryRemove(new KeyValuePair<string, HubMembership>(padId, existing));
            await existing.Connection.DisposeAsync();
        }

        if (memberships.ContainsKey(padId))
        {
            throw new PadException(PadErrorCodes.Forbidden, $"This connection has already joined pad '{padId}'; Leave it first.");
        }

        var listener = new HubPadListener(hubContext, connections, Context.ConnectionId, padId);
        var connection = await sessions.ConnectAsync(new PadJoinRequest(token, clientId, displayName, padId), listener, Context.ConnectionAborted);
        var joined = connection.Joined;
        if (!string.Equals(joined.PadId, padId, StringComparison.Ordinal) || !memberships.TryAdd(padId, new HubMembership(connection, clientId)))
        {
            await connection.DisposeAsync();
            throw new PadException(PadErrorCodes.Forbidden, $"This token does not grant access to pad '{padId}'.");
        }

        var access = joined.EffectiveAccess;
        return new JoinResponse(joined.PadId, joined.Revision, joined.Text, RoleName(joined.Role), joined.AuthorId, joined.Color,
            access.CanWrite, access.Reason, joined.ParticipantId, joined.ClientTag);
    }

    /// <summary>Submits an operation: <c>{ padId, clientId, seq, baseRevision, ops }</c>.</summary>
    public async Task<SubmitResponse> Submit(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(Submit));
        var membership = Membership(r.String("padId", MaxIdLength));
        var clientId = r.String("clientId", PadJoinRequest.MaxClientIdLength);
        var seq = r.Int64("seq");
        var baseRevision = r.Int32("baseRevision");
        var operation = r.Operation("ops", membership.Connection.Limits);
        if (!string.Equals(clientId, membership.ClientId, StringComparison.Ordinal))
        {
            throw new PadException(PadErrorCodes.Forbidden, "clientId is not the one this connection joined the pad with.");
        }

        var revision = await membership.Connection.SubmitAsync(seq, baseRevision, operation, Context.ConnectionAborted);
        return new SubmitResponse(revision);
    }

    /// <summary>One page (at most 1,000) of committed operations after a revision: <c>{ padId, fromRevision }</c>.</summary>
    public async Task<HistoryResponse> GetHistory(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(GetHistory));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        var fromRevision = r.Int32("fromRevision");
        if (!Limits().History.TryTake())
        {
            throw new PadException(PadErrorCodes.RateLimited,
                $"This connection reads more than {limits.Value.HistoryPagesPerSecond} history pages a second; wait and ask again.");
        }

        var page = await connection.GetHistoryAsync(fromRevision, Context.ConnectionAborted);
        return new HistoryResponse([.. page.Operations.Select(h => new HistoryEntry(h.Revision, h.Operation, h.AuthorId, h.ClientTag, h.Seq))],
            page.HeadRevision, page.HasMore);
    }

    /// <summary>The pad at a revision, with authorship and time: <c>{ padId, revision }</c>.</summary>
    public async Task<RevisionResponse> GetRevision(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(GetRevision));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        var revision = r.Int32("revision");
        TakeRevisionCall();
        var result = await connection.GetRevisionAsync(revision, Context.ConnectionAborted);
        return new RevisionResponse(result.Revision, result.Text, [.. result.Authorship.Select(a => new object[] { a.Length, a.AuthorId })], result.Time);
    }

    /// <summary>What changed between two revisions, with authors: <c>{ padId, fromRevision, toRevision }</c>.</summary>
    public async Task<DiffResponse> GetDiff(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(GetDiff));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        var fromRevision = r.Int32("fromRevision");
        var toRevision = r.Int32("toRevision");
        TakeRevisionCall();
        var diff = await connection.GetDiffAsync(fromRevision, toRevision, Context.ConnectionAborted);
        return new DiffResponse(diff.FromRevision, diff.ToRevision, [.. diff.Parts.Select(p => new DiffPartDto(KindName(p.Kind), p.Text, p.AuthorId))]);
    }

    /// <summary>Names (or renames) a revision; needs write access: <c>{ padId, revision, name }</c>.</summary>
    public async Task<NamedRevisionDto> NameRevision(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(NameRevision));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        var revision = r.Int32("revision");
        var name = r.String("name", MaxNameFieldLength);
        TakeRevisionCall();
        return ToDto(await connection.NameRevisionAsync(revision, name, Context.ConnectionAborted));
    }

    /// <summary>
    /// Restores a revision as a new revision, or only the passage [from, to) of its text: <c>{ padId, revision, from?, to? }</c>
    /// (both or neither). Needs a note-taker's, the moderator's or a pad's edit link; shares the revision calls' budget.
    /// </summary>
    public async Task<RestoreResponse> RestoreRevision(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(RestoreRevision));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        var revision = r.Int32("revision");
        var from = r.OptionalInt32("from");
        var to = r.OptionalInt32("to");
        TakeRevisionCall();
        return new RestoreResponse(await connection.RestoreRevisionAsync(revision, from, to, Context.ConnectionAborted));
    }

    /// <summary>The pad's named revisions in revision order: <c>{ padId }</c>.</summary>
    public async Task<NamedRevisionsResponse> GetNamedRevisions(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(GetNamedRevisions));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        TakeRevisionCall();
        var named = await connection.GetNamedRevisionsAsync(Context.ConnectionAborted);
        return new NamedRevisionsResponse([.. named.Select(ToDto)]);
    }

    /// <summary>
    /// Comments on the passage [from, to) of the pad's text, or replies: <c>{ padId, from, to, text, replyTo?, revision? }</c>
    /// (<c>revision</c>: the revision the offsets refer to, the head when absent; a reply takes its thread's passage).
    /// </summary>
    public async Task<AddCommentResponse> AddComment(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(AddComment));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        var replyTo = r.String("replyTo", MaxIdLength, required: false);
        var from = replyTo.Length > 0 ? r.OptionalInt32("from") ?? 0 : r.Int32("from");
        var to = replyTo.Length > 0 ? r.OptionalInt32("to") ?? 0 : r.Int32("to");
        var text = r.String("text", MaxCommentFieldLength);
        var revision = r.OptionalInt32("revision");
        var id = await connection.AddCommentAsync(
            new PadCommentRequest(from, to, text, replyTo.Length > 0 ? replyTo : null, revision), Context.ConnectionAborted);
        return new AddCommentResponse(id);
    }

    /// <summary>Resolves a comment's thread: <c>{ padId, commentId }</c>.</summary>
    public async Task ResolveComment(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(ResolveComment));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        await connection.ResolveCommentAsync(r.String("commentId", MaxIdLength), Context.ConnectionAborted);
    }

    /// <summary>Every comment of the pad, offsets in the text at the revision each carries: <c>{ padId }</c>.</summary>
    public async Task<CommentDto[]> GetComments(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(GetComments));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        return CommentsChangedEvent.ToDtos(await connection.GetCommentsAsync(Context.ConnectionAborted));
    }

    /// <summary>Shares this connection's caret: <c>{ padId, revision, anchor, head }</c>.</summary>
    public Task UpdateCaret(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(UpdateCaret));
        var connection = Membership(r.String("padId", MaxIdLength)).Connection;
        return connection.UpdateCaretAsync(r.Int32("revision"), r.Int32("anchor"), r.Int32("head"), Context.ConnectionAborted);
    }

    /// <summary>Leaves a pad: <c>{ padId }</c>.</summary>
    public async Task Leave(JsonElement request)
    {
        var r = HubRequest.From(request, nameof(Leave));
        if (Memberships().TryRemove(r.String("padId", MaxIdLength), out var membership))
        {
            await membership.Connection.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var membership in Memberships().Values)
        {
            await membership.Connection.DisposeAsync();
        }

        Memberships().Clear();
        await base.OnDisconnectedAsync(exception);
    }

    private static string KindName(DiffKind kind) => kind switch
    {
        DiffKind.Insert => "insert",
        DiffKind.Delete => "delete",
        _ => "equal",
    };

    private static NamedRevisionDto ToDto(PadNamedRevision named) => new(named.Revision, named.Name, named.AuthorId, named.Time);

    private void TakeRevisionCall()
    {
        if (!Limits().Revisions.TryTake())
        {
            throw new PadException(PadErrorCodes.RateLimited,
                $"This connection makes more than {limits.Value.RevisionCallsPerSecond} revision calls a second; wait and ask again.");
        }
    }

    internal static string RoleName(PadRole role) => role == PadRole.Editor ? "editor" : "viewer";

    private HubMembership Membership(string padId) =>
        Memberships().TryGetValue(padId, out var membership)
            ? membership
            : throw new PadException(PadErrorCodes.Forbidden, $"Join pad '{padId}' before using it.");

    /// <summary>This SignalR connection's budgets for joins, history reads and revision calls, across all the pads it joins.</summary>
    private HubCallLimits Limits()
    {
        const string key = "padhub.limits";
        if (Context.Items.TryGetValue(key, out var value) && value is HubCallLimits existing)
        {
            return existing;
        }

        var settings = limits.Value;
        var created = new HubCallLimits(
            new TokenBucket(settings.JoinsPerSecond, settings.JoinBurst, time),
            new TokenBucket(settings.HistoryPagesPerSecond, settings.HistoryBurst, time),
            new TokenBucket(settings.RevisionCallsPerSecond, settings.RevisionCallBurst, time));
        Context.Items[key] = created;
        return created;
    }

    private ConcurrentDictionary<string, HubMembership> Memberships()
    {
        const string key = "padhub.memberships";
        if (Context.Items.TryGetValue(key, out var value) && value is ConcurrentDictionary<string, HubMembership> existing)
        {
            return existing;
        }

        var created = new ConcurrentDictionary<string, HubMembership>(StringComparer.Ordinal);
        Context.Items[key] = created;
        return created;
    }
}
