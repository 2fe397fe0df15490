using PadHub.Components.Contracts.Pads;

namespace PadHub.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="IPadCommentService"/> for bUnit: comments per pad, what every link may do
/// (<see cref="Rights"/>), the calls made, and <see cref="Publish"/> to change a pad's comments as the server would.
/// </summary>
internal sealed class FakePadCommentService : IPadCommentService
{
    private readonly Dictionary<string, PadComments> _pads = new(StringComparer.Ordinal);
    private readonly List<(string PadId, Action<PadComments> OnChanged)> _watchers = [];

    public PadCommentRights Rights { get; set; } = new(CanComment: true, CanResolve: true);

    public List<string> Calls { get; } = [];

    public PadComments Of(string padId) => _pads.TryGetValue(padId, out var comments) ? comments : new PadComments(padId, 0, []);

    public void Publish(PadComments comments)
    {
        _pads[comments.PadId] = comments;
        foreach (var (padId, onChanged) in _watchers.ToList())
        {
            if (padId == comments.PadId)
            {
                onChanged(comments);
            }
        }
    }

    public Task<IPadCommentWatch> WatchAsync(string token, string padId, Action<PadComments> onChanged, CancellationToken cancellationToken = default)
    {
        var entry = (padId, onChanged);
        _watchers.Add(entry);
        return Task.FromResult<IPadCommentWatch>(new Watch(this, padId, () => _watchers.Remove(entry)));
    }

    private sealed class Watch(FakePadCommentService service, string padId, Action stop) : IPadCommentWatch
    {
        public PadComments Initial { get; } = service.Of(padId);

        public Task<PadCommentRights> GetRightsAsync(CancellationToken cancellationToken = default) => Task.FromResult(service.Rights);

        public Task<string> AddAsync(PadCommentRequest request, string? displayName, CancellationToken cancellationToken = default)
        {
            if (!service.Rights.CanComment)
            {
                throw new PadException(PadErrorCodes.Forbidden, "no comments");
            }

            var id = $"c{service.Calls.Count + 1}";
            service.Calls.Add($"add {padId} [{request.From},{request.To}) {request.ReplyTo} {displayName}: {request.Text}");
            var current = service.Of(padId);
            service.Publish(current with
            {
                Comments = [.. current.Comments, new PadComment(id, request.From, request.To, request.Text, "a-fake", displayName ?? "Anonymous",
                    request.ReplyTo, Resolved: false, OnDeletedText: false, DateTimeOffset.UnixEpoch)],
            });
            return Task.FromResult(id);
        }

        public Task ResolveAsync(string commentId, CancellationToken cancellationToken = default)
        {
            service.Calls.Add($"resolve {padId} {commentId}");
            var current = service.Of(padId);
            service.Publish(current with { Comments = [.. current.Comments.Select(c => c.CommentId == commentId ? c with { Resolved = true } : c)] });
            return Task.CompletedTask;
        }

        public void Dispose() => stop();
    }
}
