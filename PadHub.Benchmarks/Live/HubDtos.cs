using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

// The /hubs/pad wire shapes (docs/PROTOCOL.md) as a client sees them; operations travel through TextOperationJsonConverter.

internal sealed record JoinRequest(string PadId, string Token, string ClientId, string DisplayName);

internal sealed record JoinResult(string PadId, int Revision, string Text, string Role, string AuthorId, string Color);

internal sealed record SubmitRequest(string PadId, string ClientId, long Seq, int BaseRevision, TextOperation Ops);

internal sealed record SubmitResult(int Revision);

internal sealed record HistoryRequest(string PadId, int FromRevision);

internal sealed record HistoryItem(int Revision, TextOperation Ops, string AuthorId, string ClientId, long Seq);

internal sealed record OpApplied(string PadId, int Revision, TextOperation Ops, string AuthorId, string ClientId, long Seq);

internal sealed record ResyncRequired(string PadId, int FromRevision);
