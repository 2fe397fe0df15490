namespace PadHub.Core.Client;

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
