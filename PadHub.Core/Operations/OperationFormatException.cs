namespace PadHub.Core.Operations;

/// <summary>The operation's wire form is not an ot.js operation (not an array, a component of the wrong type, a fraction...).</summary>
public sealed class OperationFormatException(string message) : OtException(message);
