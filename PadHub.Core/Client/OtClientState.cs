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
