using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Pads;

/// <summary>One connection's access to a session pad, as it is now.</summary>
internal interface ISessionPadGate : IDisposable
{
    string PadId { get; }

    string SessionId { get; }

    /// <summary>The kind of session link the connection joined with (moderator, note-taker, audience): it never changes.</summary>
    SessionRole LinkRole { get; }

    /// <summary>The access now: cheap and synchronous (the session's in-memory state), so every call can check it.</summary>
    PadAccessState Current { get; }

    /// <summary>What the link may do with the pad's comments now (the session's audience setting, the end), read live.</summary>
    PadCommentRights CommentRights => PadCommentRights.None;

    /// <summary>
    /// Calls <paramref name="onChanged"/> whenever <see cref="Current"/> changes (lock, unlock, revoked link), in order,
    /// never concurrently, the latest state winning when changes come faster than they are delivered. Once per gate.
    /// </summary>
    void OnChanged(Func<PadAccessState, ValueTask> onChanged);
}
