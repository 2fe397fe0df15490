using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Persistence;

/// <summary>A breakout group as stored: what everyone sees of it, and its note-taker link's generation.</summary>
/// <param name="NoteTakerLinkGeneration">Bumped when the group's note-taker link is regenerated.</param>
public sealed record StoredSessionGroup(SessionGroup Group, int NoteTakerLinkGeneration);
