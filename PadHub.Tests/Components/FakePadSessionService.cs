using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Components;

/// <summary>
/// An in-memory stand-in for the host's pad service, for bUnit tests only: one pad, one connection at a time. It
/// commits like the real authority (rebases with transform(incoming, committed), deduplicates (client id, seq)).
/// </summary>
internal sealed class FakePadSessionService : IPadSessionService
{
    public const string ValidToken = "good-token";

    public string Text { get; set; } = "";

    public List<PadOperationEvent> Log { get; } = [];

    public PadException? ConnectFailure { get; set; }

    /// <summary>Refuses joins with this client id (as the server does for an id first used with another role).</summary>
    public string? ClientIdInUse { get; set; }

    public PadJoinRequest? LastRequest { get; private set; }

    /// <summary>Connections opened so far.</summary>
    public int ConnectCount { get; private set; }

    public IPadListener? Listener { get; private set; }

    public FakePadConnection? Connection { get; private set; }

    public PadRole Role { get; set; } = PadRole.Editor;

    /// <summary>The access reported at join (null: the role's default).</summary>
    public PadAccessState? Access { get; set; }

    /// <summary>The session the pad belongs to (null: a stand-alone pad).</summary>
    public string? SessionId { get; set; }

    public int Revision => Log.Count;

    /// <summary>When set, a join waits for it after registering its listener, as a real join does while it reads the pad (events may arrive meanwhile).</summary>
    public TaskCompletionSource? HoldJoin { get; set; }

    public async Task<IPadConnection> ConnectAsync(PadJoinRequest request, IPadListener listener, CancellationToken cancellationToken = default)
    {
        LastRequest = request;
        if (ConnectFailure is not null)
        {
            throw ConnectFailure;
        }

        if (request.ClientId == ClientIdInUse)
        {
            throw new PadException(PadErrorCodes.Forbidden, "This clientId was first used on this pad with another kind of link.") { ClientIdInUse = true };
        }

        if (request.Token != ValidToken)
        {
            throw new PadException(PadErrorCodes.NotFound, "No pad has this link.");
        }

        Listener = listener;
        ConnectCount++;
        var participant = new PadParticipant("participant-me", "author-me", request.DisplayName, "#1e88e5", Role);
        var joined = new PadJoined("pad-1", Revision, Text, Role, "author-me", "#1e88e5",
            Text.Length == 0 ? [] : [new AuthorRun("author-other", Text.Length)],
            [new PadAuthor("author-other", "Grace", "#e53935")],
            [participant], Access, SessionId, participant.ParticipantId, "tag-" + request.ClientId);
        Connection = new FakePadConnection(this, joined.ClientTag, joined);
        if (HoldJoin is { } hold)
        {
            await hold.Task;
        }

        return Connection;
    }

    /// <summary>Commits an operation from someone else and returns its event (not delivered: tests deliver it).</summary>
    public PadOperationEvent CommitRemote(TextOperation operation, string clientTag = "tag-other", long seq = 1)
    {
        Text = operation.Apply(Text);
        var e = new PadOperationEvent("pad-1", Revision + 1, operation, "author-other", clientTag, seq);
        Log.Add(e);
        return e;
    }

    internal int Commit(string clientTag, long seq, int baseRevision, TextOperation operation)
    {
        var existing = Log.Find(e => e.ClientTag == clientTag && e.Seq == seq);
        if (existing is not null)
        {
            return existing.Revision;
        }

        if (baseRevision > Revision)
        {
            throw new PadException(PadErrorCodes.StaleRevision, "The base revision is ahead of the head.");
        }

        foreach (var committed in Log.Skip(baseRevision))
        {
            operation = TextOperation.Transform(operation, committed.Operation).APrime;
        }

        Text = operation.Apply(Text);
        Log.Add(new PadOperationEvent("pad-1", Revision + 1, operation, "author-me", clientTag, seq));
        return Revision;
    }
}
