using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Watch;

/// <summary>What a token grants to watches: a session role, or one stand-alone pad.</summary>
internal sealed record WatchAccess(SessionAccess? Session, PadAccess? Pad);
