using PadHub.Components.Contracts.Participation;

namespace PadHub.Server.Participation;

/// <summary>One page's follow: its count moves with <see cref="ChangeAsync"/> and goes with <see cref="DisposeAsync"/>.</summary>
internal sealed class GroupFollow(ParticipationService service, SessionParticipation session, long followId, string token, string? groupId) : IGroupFollow
{
    private readonly Lock _gate = new();
    private bool _disposed;

    public string? GroupId { get; private set; } = groupId;

    public async Task ChangeAsync(string? groupId, CancellationToken cancellationToken = default)
    {
        // The token is checked again: a revoked audience link stops moving counts.
        await service.RequireFollowableAsync(token, session.SessionId, groupId, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            session.ChangeFollow(followId, groupId);
            GroupId = groupId;
        }

        service.Changed(session);
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
        }

        session.RemoveFollow(followId);
        service.Changed(session);
        return ValueTask.CompletedTask;
    }
}
