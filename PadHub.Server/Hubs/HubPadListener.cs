using System.Buffers;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Hubs.Wire;
using PadHub.Server.Pads.Fanout;

namespace PadHub.Server.Hubs;

/// <summary>
/// Delivers one hub connection's events for one pad. Operations and presence lists are serialised once for every
/// connection (the wire form is kept on the shared event) and a connection's queued operations go out in one write;
/// everything else goes through <see cref="IHubContext{THub, T}"/> (hub instances live for one call). Both paths write
/// to the same <see cref="HubConnectionContext"/> one after another, so the order of events is kept.
/// </summary>
internal sealed class HubPadListener(
    IHubContext<PadSyncHub, IPadClient> hubContext, PadHubConnections connections, string connectionId, string padId) : IPadBatchListener
{
    private const string OpAppliedMethod = nameof(IPadClient.OpApplied);
    private const string PresenceChangedMethod = nameof(IPadClient.PresenceChanged);

    private IPadClient Client => hubContext.Clients.Client(connectionId);

    public ValueTask OnOperationAppliedAsync(PadOperationEvent operation) =>
        new(Client.OpApplied(ToDto(operation)));

    public async ValueTask OnOperationsAppliedAsync(IReadOnlyList<ISharedWireForm<PadOperationEvent>> operations)
    {
        if (!connections.TryGet(connectionId, out var connection))
        {
            foreach (var operation in operations)
            {
                await Client.OpApplied(ToDto(operation.Value)).ConfigureAwait(false);
            }

            return;
        }

        var protocol = connection.Protocol;
        if (operations.Count == 1)
        {
            await connection.WriteAsync(Serialized(operations[0])).ConfigureAwait(false);
            return;
        }

        // The hub protocols frame each message on their own (JSON: a record separator after each), so consecutive
        // messages concatenated are what the client would read from consecutive writes: one write, one frame.
        var length = 0;
        foreach (var operation in operations)
        {
            length += Serialized(operation).GetSerializedMessage(protocol).Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var offset = 0;
            foreach (var operation in operations)
            {
                var bytes = Serialized(operation).GetSerializedMessage(protocol);
                bytes.Span.CopyTo(buffer.AsSpan(offset));
                offset += bytes.Length;
            }

            await connection.WriteAsync(new SerializedHubMessage([new SerializedMessage(protocol.Name, buffer.AsMemory(0, length))])).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer); // WriteAsync has copied the bytes into the connection's pipe.
        }
    }

    public ValueTask OnResyncRequiredAsync(int fromRevision) =>
        new(Client.ResyncRequired(new ResyncRequiredEvent(padId, fromRevision)));

    public ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) =>
        new(Client.PresenceChanged(ToPresence(padId, participants)));

    public ValueTask OnParticipantListChangedAsync(ISharedWireForm<IReadOnlyList<PadParticipant>> participants)
    {
        if (connections.TryGet(connectionId, out var connection))
        {
            return connection.WriteAsync(participants.GetWireForm(list =>
                new SerializedHubMessage(new InvocationMessage(PresenceChangedMethod, [ToPresence(padId, list)]))));
        }

        return OnParticipantsChangedAsync(participants.Value);
    }

    public ValueTask OnCaretMovedAsync(PadCaret caret) =>
        new(Client.CaretMoved(new CaretMovedEvent(caret.PadId, caret.ParticipantId, caret.AuthorId, caret.Revision, caret.Anchor, caret.Head)));

    public ValueTask OnAccessChangedAsync(PadAccessState access) =>
        new(Client.AccessChanged(new AccessChangedEvent(padId, PadSyncHub.RoleName(access.Role), access.CanWrite, access.Reason, access.Revoked)));

    public ValueTask OnCommentsChangedAsync(PadComments comments) =>
        new(Client.CommentsChanged(new CommentsChangedEvent(padId, comments.Revision, CommentsChangedEvent.ToDtos(comments))));

    /// <summary>One <see cref="SerializedHubMessage"/> per operation, shared by every connection (it caches its bytes per protocol).</summary>
    private static SerializedHubMessage Serialized(ISharedWireForm<PadOperationEvent> operation) =>
        operation.GetWireForm(static e => new SerializedHubMessage(new InvocationMessage(OpAppliedMethod, [ToDto(e)])));

    private static OpAppliedEvent ToDto(PadOperationEvent operation) =>
        new(operation.PadId, operation.Revision, operation.Operation, operation.AuthorId, operation.ClientTag, operation.Seq);

    private static PresenceChangedEvent ToPresence(string padId, IReadOnlyList<PadParticipant> participants) =>
        new(padId, [.. participants.Select(p => new ParticipantDto(p.ParticipantId, p.AuthorId, p.DisplayName, p.Color, PadSyncHub.RoleName(p.Role)))]);
}
