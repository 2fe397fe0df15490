using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>
/// A (client id, seq) at or below the client's last committed seq that is no longer in the retained history, so its
/// original revision cannot be told from memory (the host looks it up in its store).
/// </summary>
public sealed class SequenceTooOldException(string clientId, long seq, long lastSeq)
    : OtException($"Client {clientId} already committed up to seq {lastSeq}; seq {seq} is older than the retained history.")
{
    /// <summary>The client.</summary>
    public string ClientId { get; } = clientId;

    /// <summary>The resubmitted seq.</summary>
    public long Seq { get; } = seq;

    /// <summary>The client's last committed seq.</summary>
    public long LastSeq { get; } = lastSeq;
}
