namespace PadHub.Components.Editor;

/// <summary>
/// One page of history for a resync, or the error code that refused it. <paramref name="HasMore"/>: ask again from the
/// last operation's revision.
/// </summary>
public sealed record EditorHistory(string? Error, IReadOnlyList<EditorOperation> Operations, int HeadRevision = 0, bool HasMore = false);
