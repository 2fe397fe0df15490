namespace PadHub.Server.Hubs.Wire;

/// <summary>GetHistory's result: one page; when <see cref="HasMore"/>, ask again from the last operation's revision.</summary>
public sealed record HistoryResponse(IReadOnlyList<HistoryEntry> Operations, int HeadRevision, bool HasMore);
