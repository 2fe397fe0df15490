using Microsoft.AspNetCore.SignalR;
using PadHub.Components.Pads;

namespace PadHub.Server.Hubs;

/// <summary>Delivers one hub connection's events for one pad through <see cref="IHubContext{THub, T}"/> (hub instances live for one call).</summary>
internal sealed class HubPadListener(IHubContext<PadSyncHub, IPadClient> hubContext, string connectionId, string padId) : IPadListener
{
    private IPadClient Client => hubContext.Clients.Client(connectionId);

    public ValueTask OnOperationAppliedAsync(PadOperationEvent operation) =>
        new(Client.OpApplied(new OpAppliedEvent(operation.PadId, operation.Revision, operation.Operation, operation.AuthorId, operation.ClientId, operation.Seq)));

    public ValueTask OnResyncRequiredAsync(int fromRevision) =>
        new(Client.ResyncRequired(new ResyncRequiredEvent(padId, fromRevision)));

    public ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) =>
        new(Client.PresenceChanged(new PresenceChangedEvent(padId,
            [.. participants.Select(p => new ParticipantDto(p.ClientId, p.AuthorId, p.DisplayName, p.Color, PadSyncHub.RoleName(p.Role)))])));

    public ValueTask OnCaretMovedAsync(PadCaret caret) =>
        new(Client.CaretMoved(new CaretMovedEvent(caret.PadId, caret.ClientId, caret.AuthorId, caret.Revision, caret.Anchor, caret.Head)));

    public ValueTask OnAccessChangedAsync(PadAccessState access) =>
        new(Client.AccessChanged(new AccessChangedEvent(padId, PadSyncHub.RoleName(access.Role), access.CanWrite, access.Reason, access.Revoked)));
}
