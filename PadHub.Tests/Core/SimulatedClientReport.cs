using PadHub.Core.Client;

namespace PadHub.Tests.Core;

/// <summary>One client's end state and accounting.</summary>
internal sealed record SimulatedClientReport(
    string ClientId,
    string? Document,
    int Revision,
    OtClientState State,
    bool Connected,
    long EditsGenerated,
    long LastSeq,
    IReadOnlyDictionary<long, int> EditsPerSeq,
    int MaxEditsPerOperation);
