namespace PadHub.Components.Contracts.Pads;

/// <summary>One page of a pad's history.</summary>
/// <param name="Operations">Up to the page size of committed operations after the requested revision, in order.</param>
/// <param name="HeadRevision">The pad's head revision when the page was read.</param>
/// <param name="HasMore">More operations follow: ask again from the last operation's revision.</param>
public sealed record PadHistoryPage(IReadOnlyList<PadOperationEvent> Operations, int HeadRevision, bool HasMore)
{
    /// <summary>Most operations one page holds.</summary>
    public const int MaxOperations = 1_000;
}
