using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Persistence;

/// <summary>A comment as stored: <see cref="Comment"/>'s anchor is valid at <paramref name="AnchorRevision"/>.</summary>
public sealed record StoredComment(PadComment Comment, int AnchorRevision);
