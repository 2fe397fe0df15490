namespace PadHub.Core.Operations;

/// <summary>An operation's base length does not match the document (or operation) it is applied, composed or transformed with.</summary>
public sealed class OperationLengthMismatchException(int expected, int actual, string what)
    : OtException($"Length mismatch: {what} expects a base length of {expected} but was given {actual}.")
{
    /// <summary>The length the operation needed.</summary>
    public int Expected { get; } = expected;

    /// <summary>The length it was given.</summary>
    public int Actual { get; } = actual;
}
