using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;

namespace PadHub.Components.Editor;

// Serialised camelCase by Blazor's JS interop, like every shape that crosses between PadEditor and its JS module.
/// <summary>The joined state the editor starts from.</summary>
/// <param name="ReadOnly">The link can never write (a viewer): the editor stores and sends nothing.</param>
/// <param name="CanWrite">The pad takes edits now; false while it is locked (changes later through <c>setReadOnly</c>).</param>
/// <param name="ClientTag">The public tag our own committed operations carry (with their seq).</param>
/// <param name="ParticipantId">This connection's public id in presence and carets.</param>
/// <param name="Strings">The texts the JS shows, in the page's language (keys of Editor/src/strings.js); English where absent.</param>
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
    bool ShowAuthorship,
    IReadOnlyDictionary<string, string>? Strings = null);
