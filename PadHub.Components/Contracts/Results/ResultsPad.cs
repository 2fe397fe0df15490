using PadHub.Components.Contracts.Pads;
using PadHub.Components.Markdown;

namespace PadHub.Components.Contracts.Results;

/// <summary>A group's pad in the results: its text at one revision and what was written in it.</summary>
/// <param name="Revision">The recorded revision after the end, the head before it.</param>
/// <param name="Text">The pad's Markdown at <paramref name="Revision"/>.</param>
/// <param name="Conclusions">Its marked passages (<see cref="PadConclusions.Extract"/>).</param>
/// <param name="NamedRevisions">The revisions named up to <paramref name="Revision"/>, in order.</param>
/// <param name="Contributions">Per contributor, in the session's contributor order; the pad's template text is no one's.</param>
public sealed record ResultsPad(
    string PadId,
    int Revision,
    string Text,
    IReadOnlyList<PadConclusion> Conclusions,
    IReadOnlyList<PadNamedRevision> NamedRevisions,
    IReadOnlyList<ResultsContribution> Contributions);
