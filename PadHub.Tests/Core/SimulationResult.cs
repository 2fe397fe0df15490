using PadHub.Core.Documents;

namespace PadHub.Tests.Core;

/// <summary>What a run did, for the report and the assertions.</summary>
internal sealed record SimulationResult(
    int Seed,
    string InitialText,
    string ServerText,
    int ServerRevision,
    IReadOnlyList<CommittedOperation> CommittedLog,
    IReadOnlyList<SimulatedClientReport> Clients,
    long EditsGenerated,
    long Events,
    long MessagesDropped,
    long DuplicatesAbsorbed,
    long Disconnects,
    long SnapshotRejoins,
    long HistoryRejoins,
    long RejectedTooOld,
    long StoreHistoryReads,
    long StoreDuplicateLookups,
    long SimulatedMicros,
    TimeSpan WallTime);
