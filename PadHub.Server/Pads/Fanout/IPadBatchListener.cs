using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Fanout;

/// <summary>A listener that takes consecutive operations in one call (one write to its connection).</summary>
internal interface IPadBatchListener : IPadListener
{
    /// <summary>Operations someone else committed, consecutive and in revision order.</summary>
    ValueTask OnOperationsAppliedAsync(IReadOnlyList<FannedOutOperation> operations);
}
