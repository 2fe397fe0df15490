using PadHub.Core.Documents;

namespace PadHub.Components.Contracts.Pads;

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
