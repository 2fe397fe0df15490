using PadHub.Core.Documents;

namespace PadHub.Server.Pads.Fanout;

/// <summary>
/// Something on this node that follows a pad without being one of its connections: it is never in the presence list and
/// receives no carets (the live views' pad mirrors, <see cref="Watch.PadMirror"/>).
/// </summary>
internal interface IPadFanoutObserver
{
    /// <summary>Durable operations, in revision order, on the authority's commit path: must not block nor throw.</summary>
    void OnCommitted(IReadOnlyList<CommittedOperation> operations);

    /// <summary>Who is in the pad changed; read <see cref="PadFanout.GetParticipants"/> for the latest. Must not block nor throw.</summary>
    void OnParticipantsChanged();
}
