using PadHub.Core.Operations;

namespace PadHub.Core.Client;

/// <summary>What <see cref="OtClient.Receive"/> asks its caller to do with one committed operation.</summary>
/// <param name="ToApply">
/// The remote operation transformed for the local document, to apply to the editor; null when the committed operation
/// was this client's own (an acknowledgement).
/// </param>
/// <param name="ToSend">The next operation to send, when an acknowledgement released the buffer; otherwise null.</param>
public readonly record struct ReceiveResult(TextOperation? ToApply, OutgoingOperation? ToSend)
{
    /// <summary>True when the committed operation was this client's own outstanding one.</summary>
    public bool IsAcknowledgement => ToApply is null;

    /// <summary>
    /// Moves a local selection through the change: unchanged for an acknowledgement (the local document already had the
    /// edit), otherwise <see cref="TextOperation.TransformSelection"/> of <see cref="ToApply"/>.
    /// </summary>
    public TextSelection TransformSelection(TextSelection selection) =>
        ToApply is null ? selection : ToApply.TransformSelection(selection);
}
