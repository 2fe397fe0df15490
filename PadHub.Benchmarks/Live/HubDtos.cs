using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

// The /hubs/pad wire shapes (docs/PROTOCOL.md) as a client sees them; operations travel through TextOperationJsonConverter.

internal sealed record JoinRequest(string PadId, string Token, string ClientId, string DisplayName);

internal sealed record JoinResult(string PadId, int Revision, string Text, string Role, string AuthorId, string Color);

internal sealed record SubmitRequest(string PadId, string ClientId, long Seq, int BaseRevision, TextOperation Ops);

internal sealed record SubmitResult(int Revision);

internal sealed record HistoryRequest(string PadId, int FromRevision);

internal sealed record HistoryItem(int Revision, TextOperation Ops, string AuthorId, string ClientId, long Seq);

// Received hundreds of thousands of times a second: a class with setters, because System.Text.Json's converter for
// constructors with more than four parameters cost the load generator noticeably more (perf).
internal sealed class OpApplied
{
    public string PadId { get; set; } = "";

    public int Revision { get; set; }

    public TextOperation Ops { get; set; } = TextOperation.Identity(0);

    public string AuthorId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public long Seq { get; set; }
}

internal sealed record ResyncRequired(string PadId, int FromRevision);
