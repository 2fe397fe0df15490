using PadHub.Core.Documents;

namespace PadHub.Server.Persistence;

/// <summary>A committed revision as stored.</summary>
public sealed record StoredRevision(CommittedOperation Operation, DateTimeOffset CommittedAt);
