using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;

namespace PadHub.Components.Editor;

// The shapes that cross between PadEditor and its JS module (serialised camelCase by Blazor's JS interop).
// Operations travel as ot.js JSON strings: the JS side parses them with its own TextOperation.

/// <summary>What the tab's browser storage holds about the user.</summary>
/// <param name="ClientId">The tab's secret client id (sessionStorage: a reload keeps it, a new tab gets a new one).</param>
/// <param name="DisplayName">The remembered display name, or null on a first visit.</param>
public sealed record EditorIdentity(string ClientId, string? DisplayName);

/// <summary>The joined state the editor starts from.</summary>
/// <param name="ReadOnly">The link can never write (a viewer): the editor stores and sends nothing.</param>
/// <param name="CanWrite">The pad takes edits now; false while it is locked (changes later through <c>setReadOnly</c>).</param>
/// <param name="ClientTag">The public tag our own committed operations carry (with their seq).</param>
/// <param name="ParticipantId">This connection's public id in presence and carets.</param>
public sealed record EditorStart(
    string PadId,
    string ClientId,
    string ClientTag,
    string ParticipantId,
    int Revision,
    string Text,
    bool ReadOnly,
    bool CanWrite,
    string AuthorId,
    string Color,
    IReadOnlyList<AuthorRun> Authorship,
    IReadOnlyList<PadAuthor> Authors,
    IReadOnlyList<PadParticipant> Participants,
    bool ShowAuthorship);

/// <summary>A committed operation as the editor applies it.</summary>
public sealed record EditorOperation(int Revision, string Operation, string AuthorId, string ClientTag, long Seq)
{
    public static EditorOperation From(PadOperationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Revision, e.Operation.ToJson(), e.AuthorId, e.ClientTag, e.Seq);
    }
}

/// <summary>
/// One page of history for a resync, or the error code that refused it. <paramref name="HasMore"/>: ask again from the
/// last operation's revision.
/// </summary>
public sealed record EditorHistory(string? Error, IReadOnlyList<EditorOperation> Operations, int HeadRevision = 0, bool HasMore = false);
