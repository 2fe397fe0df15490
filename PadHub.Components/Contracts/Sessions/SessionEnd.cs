namespace PadHub.Components.Contracts.Sessions;

/// <summary>A session's end: when it ended and each pad's final revision, recorded as the session's result.</summary>
public sealed record SessionEnd(DateTimeOffset EndedAt, IReadOnlyList<SessionPadResult> Pads);
