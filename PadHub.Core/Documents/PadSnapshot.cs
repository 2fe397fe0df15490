namespace PadHub.Core.Documents;

/// <summary>Everything needed to rebuild a document at a revision without its log.</summary>
/// <param name="Revision">The revision the snapshot captures.</param>
/// <param name="Text">The text at that revision.</param>
/// <param name="Authorship">Authorship runs covering the text exactly, in order.</param>
public sealed record PadSnapshot(int Revision, string Text, IReadOnlyList<AuthorRun> Authorship);
