using PadHub.Core.Operations;

namespace PadHub.Core.Client;

/// <summary>An operation the client sends (or re-sends) to the server.</summary>
/// <param name="ClientId">The sending client; with <paramref name="Seq"/> it identifies the operation for idempotency.</param>
/// <param name="Seq">
/// The client's sequence number for this operation. A re-send after a reconnect keeps it, so the server recognises an
/// operation it already committed.
/// </param>
/// <param name="BaseRevision">The server revision the operation applies to.</param>
/// <param name="Operation">The operation, against the server's text at <paramref name="BaseRevision"/>.</param>
/// <param name="Edits">How many local edits were composed into it (accounting for load tests and simulations).</param>
public sealed record OutgoingOperation(string ClientId, long Seq, int BaseRevision, TextOperation Operation, int Edits);
