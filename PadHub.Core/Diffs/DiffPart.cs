namespace PadHub.Core.Diffs;

/// <summary>One part of an authored diff.</summary>
/// <param name="Kind">Equal, inserted or deleted text.</param>
/// <param name="Text">The text (never empty).</param>
/// <param name="AuthorId">
/// Who wrote it: for an insert or equal part the author in the newer version, for a delete part the author in the older one.
/// </param>
public sealed record DiffPart(DiffKind Kind, string Text, string AuthorId);
