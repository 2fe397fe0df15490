using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Fanout;

/// <summary>
/// A listener that takes consecutive operations in one call (one write to its connection) and the events shared by every
/// connection of the pad as they are, so it can serialise them once for all (<see cref="ISharedWireForm{TValue}"/>).
/// </summary>
internal interface IPadBatchListener : IPadListener
{
    /// <summary>Operations someone else committed, consecutive and in revision order.</summary>
    ValueTask OnOperationsAppliedAsync(IReadOnlyList<ISharedWireForm<PadOperationEvent>> operations);

    /// <summary>The pad's participants changed: the list every connection of the pad gets.</summary>
    ValueTask OnParticipantListChangedAsync(ISharedWireForm<IReadOnlyList<PadParticipant>> participants);
}
