using PadHub.Core.Operations;

namespace PadHub.Core.Client;

/// <summary>The state of an <see cref="OtClient"/> (the ot.js client state machine).</summary>
public enum OtClientState
{
    /// <summary>Nothing is waiting for the server: the local document equals the server's text at the client's revision.</summary>
    Synchronized,

    /// <summary>One operation has been sent and awaits its confirmation; no local edit has been made since.</summary>
    AwaitingConfirm,

    /// <summary>One operation awaits its confirmation and later local edits are composed into a buffer, sent after it.</summary>
    AwaitingWithBuffer,
}

/// <summary>An operation the client sends (or re-sends) to the server.</summary>
/// <param name="ClientId">The sending client; with <paramref name="Seq"/> it identifies the operation for idempotency.</param>
/// <param name="Seq">
/// The client's sequence number for this operation. A re-send after a reconnect keeps it, so the server recognises an
/// operation it already committed.
/// </param>
/// <param name="BaseRevision">The server revision the operation applies to.</param>
/// <param name="Operation">The operation, against the server's text at <paramref name="BaseRevision"/>.</param>
/// <param name="Edits">How many local edits were composed into it (accounting for load tests and simulations).</param>
public sealed record OutgoingOperation(string ClientId, long Seq, int BaseRevision, TextOperation Operation, int Edits);

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

/// <summary>
/// The server broke the client protocol: an acknowledgement with nothing outstanding or for another seq, or a committed
/// operation of this client that differs from the one it sent (the two sides diverged). The client is unchanged; the
/// host should drop the connection and rebuild the client from a snapshot.
/// </summary>
public class OtClientProtocolException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public OtClientProtocolException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public OtClientProtocolException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OtClientProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// A server message arrived out of revision order: every committed operation and acknowledgement must carry exactly
/// the client's revision plus one. Use <see cref="RevisionSequencer{T}"/> to hold early arrivals back.
/// </summary>
public sealed class RevisionOrderException : OtClientProtocolException
{
    /// <summary>Creates the exception.</summary>
    public RevisionOrderException(int expectedRevision, int actualRevision)
        : base($"Expected the server message for revision {expectedRevision} but got revision {actualRevision}.")
    {
        ExpectedRevision = expectedRevision;
        ActualRevision = actualRevision;
    }

    /// <summary>The revision the client could accept (its revision plus one).</summary>
    public int ExpectedRevision { get; }

    /// <summary>The revision the message carried.</summary>
    public int ActualRevision { get; }
}
