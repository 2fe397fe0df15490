using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>One entry of the committed log.</summary>
/// <param name="Revision">The revision this operation produced.</param>
/// <param name="Operation">The operation as applied (against revision <c>Revision - 1</c>).</param>
/// <param name="AuthorId">Who wrote it.</param>
/// <param name="ClientId">The client (browser tab, bot connection) that sent it.</param>
/// <param name="Seq">The client's sequence number for it.</param>
public readonly record struct CommittedOperation(int Revision, TextOperation Operation, string AuthorId, string ClientId, long Seq);
