using PadHub.Core.Documents;

namespace PadHub.Server.Pads.Authority;

/// <summary>One page of history: <see cref="HasMore"/> when operations after the last one remain up to <see cref="HeadRevision"/>.</summary>
public sealed record PadHistoryResult(IReadOnlyList<CommittedOperation> Operations, int HeadRevision, bool HasMore);
