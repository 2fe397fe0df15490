using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Fanout;

/// <summary>
/// A committed operation on its way to the connections, shared by all of them: <see cref="WireForm"/> is a slot where a
/// transport keeps the operation serialised once for every connection.
/// </summary>
internal sealed class FannedOutOperation(PadOperationEvent operation)
{
    private object? _wireForm;

    public PadOperationEvent Event { get; } = operation;

    /// <summary>The transport's serialised form, built by the first connection that needs it.</summary>
    public T GetWireForm<T>(Func<PadOperationEvent, T> create)
        where T : class =>
        Volatile.Read(ref _wireForm) as T ?? (T)(Interlocked.CompareExchange(ref _wireForm, create(Event), null) ?? _wireForm!);
}
