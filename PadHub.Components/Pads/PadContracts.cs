using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Components.Pads;

/// <summary>What a link lets its holder do in a pad.</summary>
public enum PadRole
{
    /// <summary>Follows the pad live; can never write by any path.</summary>
    Viewer,

    /// <summary>Reads and writes the pad.</summary>
    Editor,
}

/// <summary>A request to join a pad with a link's token.</summary>
/// <param name="Token">The capability token from the pad's edit or view link.</param>
/// <param name="ClientId">The client's secret id (one per browser tab or bot connection, 32-64 characters of A-Z a-z 0-9 - _),
/// stable across reconnects so resent edits are recognised. Never shown to anyone else: others see its participant id,
/// author id and client tag.</param>
/// <param name="DisplayName">The name shown to the other participants.</param>
/// <param name="PadId">The pad to join. Optional for a pad's own links and a note-taker's link (they name one pad); required
/// for session links that reach several pads (moderator, audience).</param>
public sealed record PadJoinRequest(string Token, string ClientId, string DisplayName, string? PadId = null);

/// <summary>What a connection may do in its pad now. Changes live (lock, unlock, a revoked link, the audience setting).</summary>
/// <param name="Role">What the link grants now.</param>
/// <param name="CanWrite">Whether a Submit would be accepted now (an editor's link on an unlocked pad).</param>
/// <param name="Reason">Why the connection cannot write, for display; null when it can.</param>
/// <param name="Revoked">The link was revoked (regenerated): the connection is closed and must not reconnect with it.</param>
public sealed record PadAccessState(PadRole Role, bool CanWrite, string? Reason, bool Revoked = false)
{
    /// <summary>The access of a pad's own link, which never changes.</summary>
    public static PadAccessState For(PadRole role) =>
        role == PadRole.Editor ? new(role, true, null) : new(role, false, "This link only allows following the pad.");
}

/// <summary>An author whose text is in the pad or who is in it now.</summary>
public sealed record PadAuthor(string AuthorId, string DisplayName, string Color);

/// <summary>Someone connected to the pad now.</summary>
/// <param name="ParticipantId">A public id of this one connection (random per join); carets name it.</param>
public sealed record PadParticipant(string ParticipantId, string AuthorId, string DisplayName, string Color, PadRole Role);

/// <summary>The state of a pad as a client joins it.</summary>
/// <param name="PadId">The pad.</param>
/// <param name="Revision">The head revision <paramref name="Text"/> is at.</param>
/// <param name="Text">The pad's text.</param>
/// <param name="Role">What the token allows.</param>
/// <param name="AuthorId">The joining client's author id.</param>
/// <param name="Color">The joining client's colour (CSS hex).</param>
/// <param name="Authorship">Authorship runs covering <paramref name="Text"/>.</param>
/// <param name="Authors">Names and colours of the authors in <paramref name="Authorship"/> and of the participants.</param>
/// <param name="Participants">Who is connected now (the joining client included).</param>
/// <param name="Access">What the connection may do now; null means <see cref="PadAccessState.For"/> of <paramref name="Role"/>.</param>
/// <param name="SessionId">The workshop session the pad belongs to, or null for a stand-alone pad.</param>
/// <param name="ParticipantId">This connection's public id in <paramref name="Participants"/> and carets.</param>
/// <param name="ClientTag">The public tag of the joining client id: operations committed with it carry this tag, so the
/// client recognises its own (with their seq) in history and events without anyone learning its client id.</param>
public sealed record PadJoined(
    string PadId,
    int Revision,
    string Text,
    PadRole Role,
    string AuthorId,
    string Color,
    IReadOnlyList<AuthorRun> Authorship,
    IReadOnlyList<PadAuthor> Authors,
    IReadOnlyList<PadParticipant> Participants,
    PadAccessState? Access = null,
    string? SessionId = null,
    string ParticipantId = "",
    string ClientTag = "")
{
    /// <summary>What the connection may do now, as joined.</summary>
    public PadAccessState EffectiveAccess => Access ?? PadAccessState.For(Role);
}

/// <summary>An operation committed to a pad, as every other client receives it.</summary>
/// <param name="Revision">The revision the operation produced.</param>
/// <param name="ClientTag">The public tag of the client that sent it (<see cref="PadJoined.ClientTag"/>), never its client id.</param>
public sealed record PadOperationEvent(string PadId, int Revision, TextOperation Operation, string AuthorId, string ClientTag, long Seq);

/// <summary>One page of a pad's history.</summary>
/// <param name="Operations">Up to the page size of committed operations after the requested revision, in order.</param>
/// <param name="HeadRevision">The pad's head revision when the page was read.</param>
/// <param name="HasMore">More operations follow: ask again from the last operation's revision.</param>
public sealed record PadHistoryPage(IReadOnlyList<PadOperationEvent> Operations, int HeadRevision, bool HasMore)
{
    /// <summary>Most operations one page holds.</summary>
    public const int MaxOperations = 1_000;
}

/// <summary>A participant's caret or selection, at a revision.</summary>
/// <param name="ParticipantId">The participant's public connection id (<see cref="PadParticipant.ParticipantId"/>).</param>
public sealed record PadCaret(string PadId, string ParticipantId, string AuthorId, int Revision, int Anchor, int Head);

/// <summary>The stable error codes of the pad protocol (docs/PROTOCOL.md); messages start with <c>code:</c>.</summary>
public static class PadErrorCodes
{
    /// <summary>The operation is malformed or does not fit the document.</summary>
    public const string InvalidOp = "invalid-op";

    /// <summary>The base revision is ahead of the head or older than the retained history.</summary>
    public const string StaleRevision = "stale-revision";

    /// <summary>The token does not allow this (a viewer writing, a revoked link).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The operation, message or resulting pad is over a limit.</summary>
    public const string TooLarge = "too-large";

    /// <summary>No such pad, or the token is unknown.</summary>
    public const string NotFound = "not-found";

    /// <summary>This connection sends faster than its rate limit.</summary>
    public const string RateLimited = "rate-limited";
}

/// <summary>A pad request refused with a stable <see cref="Code"/> (one of <see cref="PadErrorCodes"/>). Nothing changed.</summary>
public sealed class PadException(string code, string message, Exception? innerException = null)
    : Exception($"{code}: {message}", innerException)
{
    /// <summary>One of <see cref="PadErrorCodes"/>.</summary>
    public string Code { get; } = code;

    /// <summary>
    /// A <c>forbidden</c> join because the client id was first used on the pad with another role: joining again with
    /// another client id works (the editor keeps one id per role for this).
    /// </summary>
    public bool ClientIdInUse { get; init; }
}
