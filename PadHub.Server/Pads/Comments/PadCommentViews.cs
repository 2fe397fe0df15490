using System.Security.Cryptography;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Access;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Comments;

/// <summary>
/// <see cref="IPadCommentService"/>: the views' way to a pad's comments. The link is resolved again at every call, as
/// the pad path does (a session link through <see cref="ISessionPadResolver"/>, live; a pad's own link through the
/// store), so a revoked link or a changed session setting applies to the next call.
/// </summary>
internal sealed class PadCommentViews(
    IPadStore store, PadCommentsProvider comments, TimeProvider time, ISessionPadResolver? sessionPads = null) : IPadCommentService
{
    private const int MaxTokenLength = 128;

    public async Task<IPadCommentWatch> WatchAsync(string token, string padId, Action<PadComments> onChanged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        await RightsAsync(token, padId, cancellationToken).ConfigureAwait(false);
        var pad = comments.Get(padId);
        var initial = await pad.GetAsync(cancellationToken).ConfigureAwait(false);

        // A view has no client id of its own: its comments get an author id nobody else can take.
        var authorId = AuthorIdentity.AuthorIdFor(Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        return new Watch(this, token, padId, pad, initial, pad.Subscribe(onChanged), authorId, new TokenBucket(
            PadConnection.CommentCallsPerSecond, PadConnection.CommentCallBurst, time));
    }

    /// <summary>What <paramref name="token"/> may do with <paramref name="padId"/>'s comments now.</summary>
    /// <exception cref="PadException"><c>not-found</c>, <c>forbidden</c>.</exception>
    private async Task<PadCommentRights> RightsAsync(string token, string padId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || string.IsNullOrEmpty(padId))
        {
            throw new PadException(PadErrorCodes.NotFound, "This link is not valid.");
        }

        var access = await store.ResolveTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (access is not null)
        {
            return !string.Equals(access.PadId, padId, StringComparison.Ordinal)
                ? throw new PadException(PadErrorCodes.Forbidden, "This link cannot reach that pad.")
                : access.Role == PadRole.Editor ? new PadCommentRights(CanComment: true, CanResolve: true) : PadCommentRights.None;
        }

        using var gate = sessionPads is null ? null : await sessionPads.ResolveAsync(token, padId, cancellationToken).ConfigureAwait(false);
        return gate is null || gate.Current.Revoked
            ? throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).")
            : gate.CommentRights;
    }

    private static string DisplayName(string? displayName)
    {
        var name = displayName?.Trim() ?? string.Empty;
        if (name.Length > PadJoinRequest.MaxDisplayNameLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"A name is at most {PadJoinRequest.MaxDisplayNameLength} characters.");
        }

        return name.Any(char.IsControl)
            ? throw new PadException(PadErrorCodes.InvalidOp, "A name must not contain control characters.")
            : name.Length == 0 ? "Anonymous" : name;
    }

    private sealed class Watch(
        PadCommentViews views, string token, string padId, IPadComments pad, PadComments initial, IDisposable subscription, string authorId, TokenBucket calls)
        : IPadCommentWatch
    {
        public PadComments Initial { get; } = initial;

        public Task<PadCommentRights> GetRightsAsync(CancellationToken cancellationToken = default) =>
            views.RightsAsync(token, padId, cancellationToken);

        public async Task<string> AddAsync(PadCommentRequest request, string? displayName, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            var name = DisplayName(displayName);
            await RequireAsync(r => r.CanComment, "This link does not allow commenting on the pad now.", cancellationToken).ConfigureAwait(false);
            return await pad.AddAsync(new PadCommentCommand(request, authorId, name), cancellationToken).ConfigureAwait(false);
        }

        public async Task ResolveAsync(string commentId, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(commentId);
            await RequireAsync(r => r.CanResolve, "Only the group's note-takers and the moderator resolve comments.", cancellationToken).ConfigureAwait(false);
            await pad.ResolveAsync(commentId, cancellationToken).ConfigureAwait(false);
        }

        public void Dispose() => subscription.Dispose();

        private async Task RequireAsync(Func<PadCommentRights, bool> allowed, string refusal, CancellationToken cancellationToken)
        {
            if (!allowed(await views.RightsAsync(token, padId, cancellationToken).ConfigureAwait(false)))
            {
                throw new PadException(PadErrorCodes.Forbidden, refusal);
            }

            if (!calls.TryTake())
            {
                throw new PadException(PadErrorCodes.RateLimited, "Too many comments at once; wait a moment and try again.");
            }
        }
    }
}
