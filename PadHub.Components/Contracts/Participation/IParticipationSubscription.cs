namespace PadHub.Components.Contracts.Participation;

/// <summary>A live view of a session's participation. Dispose to stop.</summary>
public interface IParticipationSubscription : IAsyncDisposable
{
    /// <summary>The state when subscribed, then the latest one delivered.</summary>
    ParticipationState Current { get; }
}
