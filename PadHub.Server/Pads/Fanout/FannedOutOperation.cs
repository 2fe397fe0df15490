using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Fanout;

/// <summary>
/// A committed operation on its way to the connections, shared by all of them, with the slot where a transport keeps it
/// serialised once for every connection.
/// </summary>
internal sealed class FannedOutOperation(PadOperationEvent operation) : ISharedWireForm<PadOperationEvent>
{
    private object? _wireForm;

    public PadOperationEvent Event { get; } = operation;

    PadOperationEvent ISharedWireForm<PadOperationEvent>.Value => Event;

    public T GetWireForm<T>(Func<PadOperationEvent, T> create)
        where T : class =>
        Volatile.Read(ref _wireForm) as T ?? (T)(Interlocked.CompareExchange(ref _wireForm, create(Event), null) ?? _wireForm!);
}
