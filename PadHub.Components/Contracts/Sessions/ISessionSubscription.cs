namespace PadHub.Components.Contracts.Sessions;

/// <summary>A live view of a session's state. Dispose to stop.</summary>
public interface ISessionSubscription : IAsyncDisposable
{
    /// <summary>What the watching token grants.</summary>
    SessionAccess Access { get; }

    /// <summary>The state when subscribed, then the latest one delivered.</summary>
    SessionState Current { get; }
}
