namespace PadHub.Core.Operations;

/// <summary>Inserted text contains a carriage return: clients normalise CRLF and CR to LF before sending.</summary>
public sealed class CarriageReturnException()
    : OtException("Inserted text contains '\\r': normalise CRLF and CR to LF before sending.");
