using PadHub.Components.Pads;

namespace PadHub.Server.Pads;

/// <summary>
/// Resolves workshop-session links for the pad path (<see cref="PadSessionService"/>): which pad a session token may
/// open and what it may do there, checked live at every call.
/// </summary>
internal interface ISessionPadResolver
{
    /// <summary>
    /// The gate of <paramref name="token"/> onto <paramref name="padId"/> (or, for a note-taker link without a pad id,
    /// its group's pad); null when the token is not a live session token.
    /// </summary>
    /// <exception cref="PadException"><c>invalid-op</c> when a moderator or audience link names no pad; <c>forbidden</c> for a pad outside the link's reach.</exception>
    Task<ISessionPadGate?> ResolveAsync(string token, string? padId, CancellationToken cancellationToken);
}

/// <summary>One connection's access to a session pad, as it is now.</summary>
internal interface ISessionPadGate : IDisposable
{
    string PadId { get; }

    string SessionId { get; }

    /// <summary>The access now: cheap and synchronous (the session's in-memory state), so every call can check it.</summary>
    PadAccessState Current { get; }

    /// <summary>
    /// Calls <paramref name="onChanged"/> whenever <see cref="Current"/> changes (lock, unlock, revoked link), in order,
    /// never concurrently, the latest state winning when changes come faster than they are delivered. Once per gate.
    /// </summary>
    void OnChanged(Func<PadAccessState, ValueTask> onChanged);
}
