using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

internal sealed record SubmitRequest(string PadId, string ClientId, long Seq, int BaseRevision, TextOperation Ops);
