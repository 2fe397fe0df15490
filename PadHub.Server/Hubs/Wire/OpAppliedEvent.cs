using PadHub.Core.Operations;

namespace PadHub.Server.Hubs.Wire;

/// <summary>Sent to every joined connection but the submitter's when an operation is committed.</summary>
public sealed record OpAppliedEvent(string PadId, int Revision, TextOperation Ops, string AuthorId, string ClientTag, long Seq);
