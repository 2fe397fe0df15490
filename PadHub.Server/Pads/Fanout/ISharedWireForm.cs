namespace PadHub.Server.Pads.Fanout;

/// <summary>
/// An event the fan-out hands to every connection of a pad, with one slot where a transport keeps its serialised form:
/// the first connection that needs it serialises it, the others reuse the bytes.
/// </summary>
/// <typeparam name="TValue">The event as the listener contract (<see cref="PadHub.Components.Contracts.Pads.IPadListener"/>) has it.</typeparam>
internal interface ISharedWireForm<out TValue>
{
    TValue Value { get; }

    /// <summary>The transport's serialised form, built by the first connection that needs it.</summary>
    T GetWireForm<T>(Func<TValue, T> create)
        where T : class;
}
