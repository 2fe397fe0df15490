namespace PadHub.Core.Operations;

/// <summary>
/// Base of every error the OT engine reports for bad input. A call that throws one of these has changed nothing.
/// Hosts translate each subtype to a stable error code (see docs/PROTOCOL.md).
/// </summary>
public abstract class OtException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected OtException(string message) : base(message)
    {
    }
}

/// <summary>The operation's wire form is not an ot.js operation (not an array, a component of the wrong type, a fraction...).</summary>
public sealed class OperationFormatException(string message) : OtException(message);

/// <summary>An operation's base length does not match the document (or operation) it is applied, composed or transformed with.</summary>
public sealed class OperationLengthMismatchException(int expected, int actual, string what)
    : OtException($"Length mismatch: {what} expects a base length of {expected} but was given {actual}.")
{
    /// <summary>The length the operation needed.</summary>
    public int Expected { get; } = expected;

    /// <summary>The length it was given.</summary>
    public int Actual { get; } = actual;
}

/// <summary>A component of zero or negative length was given where a positive one is required.</summary>
public sealed class InvalidComponentException(string message) : OtException(message);

/// <summary>The operation would split a surrogate pair of the document it applies to.</summary>
public sealed class SurrogateSplitException(int position)
    : OtException($"The operation splits a surrogate pair at offset {position}: offsets count UTF-16 code units and may not fall inside a pair.")
{
    /// <summary>The offending offset in the base document.</summary>
    public int Position { get; } = position;
}

/// <summary>Inserted text is not well-formed UTF-16 (a lone surrogate).</summary>
public sealed class MalformedTextException(int offset)
    : OtException($"Inserted text has a lone surrogate at offset {offset} of the insert.")
{
    /// <summary>Offset of the lone surrogate inside the inserted text.</summary>
    public int Offset { get; } = offset;
}

/// <summary>Inserted text contains a carriage return: clients normalise CRLF and CR to LF before sending.</summary>
public sealed class CarriageReturnException()
    : OtException("Inserted text contains '\\r': normalise CRLF and CR to LF before sending.");

/// <summary>The operation or the document it would produce is over a configured limit (<see cref="OperationLimits"/>).</summary>
public sealed class OperationTooLargeException(string limit, long value, long maximum)
    : OtException($"Too large: {limit} is {value}, the maximum is {maximum}.")
{
    /// <summary>Which limit was exceeded.</summary>
    public string Limit { get; } = limit;

    /// <summary>The offending value.</summary>
    public long Value { get; } = value;

    /// <summary>The configured maximum.</summary>
    public long Maximum { get; } = maximum;
}
