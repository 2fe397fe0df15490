namespace PadHub.Core.Client;

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
