using PadHub.Core.Documents;

namespace PadHub.Server.Pads.Authority;

/// <summary>
/// Where the authority reports durable commits, in revision order, for fan-out to the clients on this node.
/// Implementations must not block: the authority calls it on its commit path.
/// </summary>
public interface IPadCommitObserver
{
    /// <summary>Operations of <paramref name="padId"/> that are now durable, in revision order.</summary>
    void OnCommitted(string padId, IReadOnlyList<CommittedOperation> operations);
}
