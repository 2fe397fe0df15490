namespace PadHub.Benchmarks.Live;

/// <summary>One page of GetHistory: when <see cref="HasMore"/>, ask again from the last operation's revision.</summary>
internal sealed record HistoryPage(IReadOnlyList<CommittedOp> Operations, int HeadRevision, bool HasMore);
