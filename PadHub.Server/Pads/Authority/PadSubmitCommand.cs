using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;

namespace PadHub.Server.Pads.Authority;

/// <summary>An operation to commit.</summary>
public sealed record PadSubmitCommand(string AuthorId, string ClientId, long Seq, int BaseRevision, TextOperation Operation)
{
    /// <summary>
    /// For a session link: its access now, read by the authority in the pad's serial order right before committing, so
    /// that a lock (or a revoked link) settled through the authority is never overtaken by a submission already queued.
    /// </summary>
    public Func<PadAccessState>? WriteAccess { get; init; }
}
