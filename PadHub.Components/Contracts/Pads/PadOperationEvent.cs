using PadHub.Core.Operations;

namespace PadHub.Components.Contracts.Pads;

/// <summary>An operation committed to a pad, as every other client receives it.</summary>
/// <param name="Revision">The revision the operation produced.</param>
/// <param name="ClientTag">The public tag of the client that sent it (<see cref="PadJoined.ClientTag"/>), never its client id.</param>
public sealed record PadOperationEvent(string PadId, int Revision, TextOperation Operation, string AuthorId, string ClientTag, long Seq);
