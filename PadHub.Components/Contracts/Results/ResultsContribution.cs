namespace PadHub.Components.Contracts.Results;

/// <summary>What one contributor wrote in one pad, counted from its stored revisions.</summary>
/// <param name="Contributor">The display name when the session credits contributors, else "Contributor N" (N stable across the session's pads).</param>
/// <param name="Characters">Characters (Unicode scalar values) inserted, up to the pad's result revision, deleted ones included.</param>
/// <param name="Edits">Revisions committed.</param>
/// <param name="CharactersInResult">Characters of the result text this contributor wrote (from its authorship).</param>
public sealed record ResultsContribution(string Contributor, long Characters, int Edits, long CharactersInResult);
