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
