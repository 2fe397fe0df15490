using PadHub.Core.Documents;

namespace PadHub.Components.Contracts.Pads;

/// <summary>A pad as it was at one revision.</summary>
/// <param name="Revision">The revision (0 is the pad as created).</param>
/// <param name="Text">The text at that revision.</param>
/// <param name="Authorship">Authorship runs covering the text exactly, in order.</param>
/// <param name="Time">When the revision was committed (revision 0: when the pad was created).</param>
public sealed record PadRevision(int Revision, string Text, IReadOnlyList<AuthorRun> Authorship, DateTimeOffset Time);
