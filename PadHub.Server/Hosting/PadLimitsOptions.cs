using System.ComponentModel.DataAnnotations;
using PadHub.Core.Operations;

namespace PadHub.Server.Hosting;

/// <summary>Size and rate limits of pads and their clients, bound from <c>PadHub:Limits</c> and validated at start.</summary>
public sealed record PadLimitsOptions
{
    public const string SectionName = "PadHub:Limits";

    /// <summary>Longest pad, in UTF-16 code units (the initial text of <c>POST /api/pads</c> included).</summary>
    [Range(1, 100_000_000)]
    public int MaxPadLength { get; init; } = 1_000_000;

    /// <summary>Most code units one operation may insert (a large paste).</summary>
    [Range(1, 100_000_000)]
    public int MaxOperationLength { get; init; } = 262_144;

    /// <summary>Most components (retain, insert, delete) one operation may have.</summary>
    [Range(1, 10_000_000)]
    public int MaxOperationComponents { get; init; } = 10_000;

    /// <summary>
    /// Most work one submission may cost to rebase over the revisions committed since its base: the sum, over the
    /// revisions it crosses, of its components plus each revision's components. Past it the submission is refused with
    /// <c>stale-revision:</c> and the client catches up from the history itself instead of the pad's commit loop doing it.
    /// </summary>
    [Range(1_000, 1_000_000_000)]
    public long MaxRebaseWork { get; init; } = OperationLimits.DefaultMaxRebaseWork;

    /// <summary>
    /// Most work one restore may cost: restoring revision R composes the revisions committed after it up to the head, and
    /// this bounds the components those compositions walk (each revision's about log2 of their number times). Past it the
    /// restore is refused with <c>too-large:</c>. The default reaches about 100,000 keystrokes back.
    /// </summary>
    [Range(1_000, 1_000_000_000)]
    public long MaxRestoreWork { get; init; } = 5_000_000;

    /// <summary>Largest message a client may send (SignalR's own default is 32 KB, too small for a large paste).</summary>
    [Range(1_024, 256 * 1024 * 1024)]
    public long MaxMessageBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>
    /// Largest message a Blazor circuit (any page, anonymous ones included) may send. The editor needs little: it splits a
    /// large paste into operations of at most 16 KB on the wire, so this is independent of <see cref="MaxMessageBytes"/>.
    /// </summary>
    [Range(32 * 1024, 1024 * 1024)]
    public long CircuitMessageBytes { get; init; } = 64 * 1024;

    /// <summary>Sustained submits per second per connection (token bucket refill rate).</summary>
    [Range(1, 100_000)]
    public int SubmitsPerSecond { get; init; } = 40;

    /// <summary>Submits a connection may send in a burst (token bucket size).</summary>
    [Range(1, 1_000_000)]
    public int SubmitBurst { get; init; } = 200;

    /// <summary>Sustained history pages a connection may read per second (token bucket refill rate).</summary>
    [Range(1, 100_000)]
    public int HistoryPagesPerSecond { get; init; } = 2;

    /// <summary>History pages a connection may read in a burst: enough to catch up over the retained history at once.</summary>
    [Range(1, 1_000_000)]
    public int HistoryBurst { get; init; } = 20;

    /// <summary>
    /// Sustained revision calls (GetRevision, GetDiff, NameRevision, GetNamedRevisions) a connection may make per second
    /// (token bucket refill rate): each rebuilds at most a snapshot interval of revisions outside the commit loop.
    /// </summary>
    [Range(1, 100_000)]
    public int RevisionCallsPerSecond { get; init; } = 10;

    /// <summary>Revision calls a connection may make in a burst: a quick drag of the history slider.</summary>
    [Range(1, 1_000_000)]
    public int RevisionCallBurst { get; init; } = 40;

    /// <summary>Sustained joins per second per connection (token bucket refill rate).</summary>
    [Range(1, 100_000)]
    public int JoinsPerSecond { get; init; } = 2;

    /// <summary>Joins a connection may make in a burst (token bucket size).</summary>
    [Range(1, 1_000_000)]
    public int JoinBurst { get; init; } = 10;

    /// <summary>The same limits as PadHub.Core's <see cref="OperationLimits"/>.</summary>
    public OperationLimits ToOperationLimits() => new(MaxPadLength, MaxOperationLength, MaxOperationComponents, MaxRebaseWork);
}
