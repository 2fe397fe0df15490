using PadHub.Core.Operations;

namespace PadHub.Server.Hubs.Wire;

/// <summary>One committed operation, as GetHistory returns it.</summary>
public sealed record HistoryEntry(int Revision, TextOperation Ops, string AuthorId, string ClientTag, long Seq);
